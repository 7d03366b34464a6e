package io.apollo.reconciler.loop;

import io.apollo.core.constraint.VerdictChanges;
import io.apollo.core.plan.Plan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Reconciler} passes one at a time on one virtual thread. Triggers (a fetch tick, a report that changed
 * something, a plan approved in git, the moment a constraint's verdict changes) may come from any thread; those
 * arriving during a pass coalesce into one more pass. After each pass the snapshot is published and the next wake
 * is set at the earliest instant a blocked plan could clear or a window or freeze turns (no polling every second).
 */
public final class ReconcileLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReconcileLoop.class);

  private final Pass reconciler;
  private final Clock clock;
  private final Duration pollInterval;
  private final Consumer<HubSnapshot> published;
  private final AtomicReference<HubSnapshot> snapshot;
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("apollo-hub-timer").factory());
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition triggered = lock.newCondition();
  private final Set<String> reasons = new LinkedHashSet<>();
  private ScheduledFuture<?> wake;
  private volatile boolean closed;
  private Thread thread;
  private long passes;

  /** The trigger of the timed fetch. It and {@link #WEBHOOK} only ask for a fetch ({@code QuietCheck}). */
  public static final String POLL = "poll interval";
  /** The trigger of a signed git webhook ({@code POST /v1/hooks/git}). */
  public static final String WEBHOOK = "git webhook";

  /** One pass: {@link Reconciler#pass}, or a stand-in in tests. */
  @FunctionalInterface
  public interface Pass {
    HubSnapshot run(long number, String why);
  }

  /** @param published told of every snapshot, on the loop's thread, after it is visible through {@link #snapshot} */
  public ReconcileLoop(Pass reconciler, Clock clock, Duration pollInterval, Consumer<HubSnapshot> published) {
    this.reconciler = reconciler;
    this.clock = clock;
    this.pollInterval = pollInterval;
    this.published = published;
    this.snapshot = new AtomicReference<>(HubSnapshot.empty(clock.instant()));
  }

  /** Starts the loop: a first pass at once, then one per poll interval and per trigger. */
  public void start() {
    thread = Thread.ofVirtual().name("apollo-reconcile").start(this::run);
    timers.scheduleWithFixedDelay(() -> trigger(POLL), pollInterval.toMillis(), pollInterval.toMillis(),
        TimeUnit.MILLISECONDS);
    trigger("start");
  }

  /** The latest published snapshot; never null. */
  public HubSnapshot snapshot() {
    return snapshot.get();
  }

  /** Asks for a pass; returns at once. */
  public void trigger(String reason) {
    lock.lock();
    try {
      reasons.add(reason);
      triggered.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    while (!closed) {
      String why;
      lock.lock();
      try {
        while (reasons.isEmpty() && !closed) {
          triggered.await();
        }
        why = String.join(", ", reasons);
        reasons.clear();
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      if (closed) {
        return;
      }
      passes++;
      try {
        HubSnapshot next = reconciler.run(passes, why);
        snapshot.set(next);
        published.accept(next);
        scheduleWake(next);
      } catch (RuntimeException e) {
        // The loop must outlive one bad pass (a database hiccup, a git error not foreseen): say so, retry later.
        LOG.error("Pass {} ({}) failed; the next trigger runs another: {}", passes, why, e.toString(), e);
      }
    }
  }

  private void scheduleWake(HubSnapshot next) {
    if (closed) {
      return;
    }
    Instant now = clock.instant();
    // The earliest moment a blocked plan may clear (a window opening, a freeze or a bake ending), or any window or
    // freeze turns (a window closing blocks plans), after the moment the snapshot was planned at. Counted from the
    // planning, not from now: a pass that plans nothing (a fetch finding nothing new) between a turn and its wake
    // must not drop the wake, or the turn would wait for an unrelated change (issue 16).
    Instant planned = next.result().map(io.apollo.core.plan.PlanningResult::at).orElse(now);
    Optional<Instant> earliest = Stream.concat(
            next.result().stream().flatMap(r -> r.plans().stream()).map(Plan::unblocksAt).flatMap(Optional::stream),
            VerdictChanges.next(next.desired().constraints(), planned).stream())
        .filter(at -> at.isAfter(planned)).min(Instant::compareTo);
    synchronized (this) {
      if (wake != null) {
        wake.cancel(false);
      }
      wake = earliest.map(at -> timers.schedule(() -> trigger("a window, freeze or bake may turn at " + at),
          Math.max(0, Duration.between(now, at).toMillis()) + 50, TimeUnit.MILLISECONDS)).orElse(null);
    }
  }

  @Override
  public void close() {
    closed = true;
    trigger("stop");
    // The pass under way finishes (it may set a wake) before the timers stop.
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    timers.shutdownNow();
  }
}
