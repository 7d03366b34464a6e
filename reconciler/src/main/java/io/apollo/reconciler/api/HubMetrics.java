package io.apollo.reconciler.api;

import io.apollo.core.plan.PlanState;
import io.apollo.reconciler.dispatch.PushClient;
import io.apollo.reconciler.loop.HubSnapshot;
import io.apollo.reconciler.loop.PassMeters;
import io.apollo.reconciler.store.StoredPlan;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The hub's Prometheus metrics ({@code GET /metrics}), kept by Micrometer: reconcile passes and their duration,
 * plans by state, reports received and refused by reason, dispatch attempts and failures, git fetch duration and
 * the age of the governing commit. Gauges read the last published snapshot; counters are counted where things
 * happen. Thread-safe; nothing here blocks.
 */
public final class HubMetrics implements PassMeters, PushClient.AttemptListener {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicReference<HubSnapshot> last = new AtomicReference<>();
  private final Clock clock;
  private final Timer passes;
  private volatile Counter reportsReceived;
  private volatile Duration lastPass = Duration.ZERO;

  public HubMetrics(Clock clock) {
    this.clock = clock;
    // The JVM's heap by pool, so that a hub's footprint can be watched: jvm_memory_used_bytes{area="heap"}.
    new JvmMemoryMetrics().bindTo(registry);
    this.passes = Timer.builder("apollo.reconcile.pass").description("Reconcile passes and how long they took.")
        .publishPercentileHistogram().register(registry);
    for (PlanState state : PlanState.values()) {
      Gauge.builder("apollo.plans", this, m -> m.plansIn(state)).description("Plans the hub holds, by state.")
          .tag("state", state.name()).register(registry);
    }
    Gauge.builder("apollo.governing.commit.age", this, HubMetrics::governingAge).baseUnit("seconds")
        .description("Seconds since a fetch last confirmed the governing commit; grows while the remote is away.")
        .register(registry);
    Gauge.builder("apollo.fetch.failing", this, m -> m.of(s -> s.fetchError().isPresent() ? 1 : 0))
        .description("1 while the last fetch of the config repository failed (degraded), else 0.")
        .register(registry);
    Gauge.builder("apollo.load.problems", this, m -> m.of(s -> s.problems().size()))
        .description("Problems found loading the governing commit.").register(registry);
    Gauge.builder("apollo.spokes.reported", this, m -> m.of(s -> s.reportedAt().size()))
        .description("Spokes that have reported at least once.").register(registry);
    Gauge.builder("apollo.entities", this, m -> m.of(s -> s.desired().entities().size()))
        .description("Entities of desired state.").register(registry);
  }

  private volatile java.util.function.Supplier<io.apollo.reconciler.notify.OutboxStatus> outbox =
      io.apollo.reconciler.notify.OutboxStatus::empty;

  /**
   * Shows the notification outbox (issue 17): deliveries by state ({@code apollo_notifications{state="DEAD"}} is
   * the dead-letter count), and the attempts this hub made and the receivers refused.
   */
  public void watchOutbox(java.util.function.Supplier<io.apollo.reconciler.notify.OutboxStatus> outbox) {
    // Meters hold their object weakly: they read this (which the hub holds) rather than the supplier itself.
    this.outbox = outbox;
    for (io.apollo.reconciler.store.NotificationDelivery.DeliveryState state
        : io.apollo.reconciler.store.NotificationDelivery.DeliveryState.values()) {
      Gauge.builder("apollo.notifications", this, m -> m.outbox.get().count(state))
          .description("Notification deliveries in the outbox, by state (DEAD: dead-lettered).")
          .tag("state", state.name()).register(registry);
    }
    io.micrometer.core.instrument.FunctionCounter.builder("apollo.notification.attempts", this,
        m -> m.outbox.get().attempts()).description("Notification deliveries this hub tried, retries included.")
        .register(registry);
    io.micrometer.core.instrument.FunctionCounter.builder("apollo.notification.failures", this,
        m -> m.outbox.get().failedAttempts()).description("Notification tries the receiver refused or did not answer.")
        .register(registry);
  }

  /** Counts a pass and its duration; {@code published} is what it published. */
  public void passed(Duration took, HubSnapshot published) {
    passes.record(took);
    lastPass = took;
    last.set(published);
  }

  /** How long the last pass took; zero before the first. */
  Duration lastPass() {
    return lastPass;
  }

  @Override
  public void fetched(Duration took, boolean reached) {
    Timer.builder("apollo.git.fetch").description("Fetches of the config repository, by outcome.")
        .tag("outcome", reached ? "ok" : "failed").publishPercentileHistogram().register(registry).record(took);
  }

  @Override
  public void phase(String name, Duration took) {
    Timer.builder("apollo.reconcile.phase").description("Steps of reconcile passes (fetch, list, load, reports,"
        + " approvals, plan, diff, store, publish, dispatch, snapshot; skipped for a pass that found nothing new)"
        + " and how long each took.").tag("phase", name).register(registry).record(took);
  }

  @Override
  public void attempted(String spoke, boolean acknowledged) {
    Counter.builder("apollo.dispatch.attempts").description("Pushes of a plan to a spoke, retries included.")
        .register(registry).increment();
    if (!acknowledged) {
      Counter.builder("apollo.dispatch.failures").description("Pushes a spoke did not take (error, timeout).")
          .register(registry).increment();
    }
  }

  /** A report taken (202). */
  void reportReceived() {
    Counter counter = reportsReceived;
    if (counter == null) {
      // Registered on the first report, as before, then kept: a look-up in the registry per report costs more than
      // the count.
      counter = Counter.builder("apollo.reports.received").description("Spoke reports taken.").register(registry);
      reportsReceived = counter;
    }
    counter.increment();
  }

  /** A report refused, by the machine reason of its answer ({@code too_large}, {@code bad_token}, ...). */
  void reportRefused(String reason) {
    Counter.builder("apollo.reports.refused").description("Spoke reports refused, by reason.")
        .tag("reason", reason).register(registry).increment();
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  private double plansIn(PlanState state) {
    HubSnapshot s = last.get();
    return s == null ? 0 : s.plans().stream().map(StoredPlan::state).filter(state::equals).count();
  }

  private static double governingAge(HubMetrics m) {
    HubSnapshot s = m.last.get();
    if (s == null || s.commit().isEmpty() || s.lastFetch().isEmpty()) {
      return Double.NaN;
    }
    return Duration.between(s.lastFetch().get(), m.clock.instant()).toMillis() / 1000.0;
  }

  /** A gauge's value from the last snapshot, 0 before the first pass. */
  private double of(java.util.function.ToIntFunction<HubSnapshot> value) {
    HubSnapshot s = last.get();
    return s == null ? 0 : value.applyAsInt(s);
  }
}
