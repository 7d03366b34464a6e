package io.apollo.reconciler.lead;

import io.apollo.reconciler.loop.HubSnapshot;
import io.apollo.reconciler.loop.ReconcileLoop;
import io.apollo.reconciler.store.HubStore;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconcile loop per leadership term. Elected: take a new fencing epoch in the store, then start a fresh loop
 * (a first pass at once). Deposed: stop the loop (the pass under way finishes; its writes are refused if another
 * hub has taken over meanwhile). While following, the API reads a {@link FollowerView} refreshed from the store.
 * {@link #snapshot} and {@link #trigger} may be called from any thread, the event loop included: they never block.
 */
public final class Terms implements AdvisoryLeadership.Listener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Terms.class);

  private final HubStore store;
  private final Supplier<String> holder;
  private final Supplier<ReconcileLoop> newLoop;
  private final Clock clock;
  private final String storeKind;
  private volatile ReconcileLoop loop;
  private volatile HubSnapshot followed;
  private volatile LeaderStatus status;
  private long refreshes;

  /**
   * @param holder this hub's name in the store's leadership row (its URL, process id and host), read when elected
   * @param storeKind {@code sqlite} or {@code postgresql}, for status
   */
  public Terms(HubStore store, Supplier<String> holder, Supplier<ReconcileLoop> newLoop, Clock clock, String storeKind) {
    this.store = store;
    this.holder = holder;
    this.newLoop = newLoop;
    this.clock = clock;
    this.storeKind = storeKind;
    this.followed = HubSnapshot.empty(clock.instant());
    this.status = new LeaderStatus(Role.FOLLOWER, 0, storeKind, "STARTING", "this hub has not tried for leadership"
        + " yet");
  }

  @Override
  public synchronized void elected() {
    long epoch = store.takeLeadership(holder.get(), clock.instant());
    ReconcileLoop next = newLoop.get();
    loop = next;
    next.start();
    status = new LeaderStatus(Role.LEADER, epoch, storeKind, "LEADER", "this hub leads under fencing epoch "
        + epoch + ": it plans, proposes and dispatches");
    LOG.info("This hub ({}) leads under fencing epoch {}", holder.get(), epoch);
  }

  @Override
  public synchronized void deposed(String why) {
    ReconcileLoop last = loop;
    if (last == null) {
      return;
    }
    LOG.warn("This hub ({}) no longer leads: {}; it stops acting and follows", holder.get(), why);
    loop = null;
    status = new LeaderStatus(Role.FOLLOWER, 0, storeKind, "DEPOSED", "this hub stopped leading (" + why
        + ") and follows: it serves reads and tries for leadership every second");
    last.close();
    following();
  }

  @Override
  public void following() {
    if (loop != null) {
      return;
    }
    try {
      followed = FollowerView.read(store, ++refreshes, clock.instant());
      if (!"DEPOSED".equals(status.reason())) {
        var leader = store.leader();
        status = new LeaderStatus(Role.FOLLOWER, 0, storeKind, "FOLLOWER", leader.epoch() == 0
            ? "no hub leads yet; this one tries every second"
            : "another hub leads (" + leader.holder() + ", epoch " + leader.epoch() + "); this one serves reads"
                + " from the store and takes over when it stops");
      }
    } catch (RuntimeException e) {
      // A follower that cannot read the store serves its last view; the next tick reads again.
      LOG.warn("Cannot refresh the follower's view from the store: {}", e.getMessage());
    }
  }

  /** Whether this hub leads now. */
  public boolean leads() {
    return loop != null;
  }

  public LeaderStatus status() {
    return status;
  }

  /** The leader's latest pass, or what a follower read from the store. */
  public HubSnapshot snapshot() {
    ReconcileLoop current = loop;
    return current != null ? current.snapshot() : followed;
  }

  /** Asks the loop for a pass; a follower has none and ignores it. */
  public void trigger(String reason) {
    ReconcileLoop current = loop;
    if (current != null) {
      current.trigger(reason);
    }
  }

  @Override
  public void close() {
    deposed("this hub is stopping");
  }
}
