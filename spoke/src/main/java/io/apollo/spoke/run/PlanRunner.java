package io.apollo.spoke.run;

import io.apollo.core.config.EntityId;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.spoke.SpokeException;
import io.apollo.spoke.journal.EntityRecord;
import io.apollo.spoke.journal.PlanRecord;
import io.apollo.spoke.operator.Observation;
import io.apollo.spoke.operator.Operator;
import io.apollo.spoke.operator.OperatorResult;
import io.apollo.spoke.state.EntityBook;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs taken plans through their operators: one lane (a single virtual thread at a time) per entity, so the plans of
 * one entity run one at a time in the order they were taken, while different entities run in parallel.
 *
 * <p>The story of one plan: journal that it begins (the entity turns INSTALLING), let the operator carry it out,
 * look at the entity afresh for its health, journal the outcome with the entity's new state. Should the journal fail
 * in between, the plan stays begun in it and the next start resolves it (see {@link Recovery}).
 */
public final class PlanRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PlanRunner.class);
  private static final String DIGEST = "^sha256:[0-9a-f]{64}$";

  private final Operators operators;
  private final EntityBook book;
  private final Clock clock;
  private final Map<EntityId, ExecutorService> lanes = new ConcurrentHashMap<>();

  public PlanRunner(Operators operators, EntityBook book, Clock clock) {
    this.operators = operators;
    this.book = book;
    this.clock = clock;
  }

  /** Queues {@code taken} behind its entity's earlier plans; returns at once. */
  public void submit(PlanRecord taken) {
    lanes.computeIfAbsent(taken.plan().entity(),
            e -> Executors.newSingleThreadExecutor(Thread.ofVirtual().name("plan-" + e, 0).factory()))
        .execute(() -> run(taken));
  }

  /** True while a plan of {@code entity} runs (the entity is INSTALLING): health checks leave it to the plan. */
  public boolean busy(EntityId entity) {
    return book.get(entity).map(e -> e.state() == EntityState.INSTALLING).orElse(false);
  }

  private void run(PlanRecord taken) {
    PlanMessage plan = taken.plan();
    // 1. Journal that it begins: a restart from here on resolves it by observation, never by running it again.
    book.begin(taken);
    // 2. Carry it out.
    // The desk takes only plans this spoke has an operator for, and operators never change while it runs.
    Operator operator = operators.forType(plan.productType()).orElseThrow(() -> new SpokeException(
        "plan " + plan.id() + ": no " + plan.productType() + " operator, yet the plan was taken"));
    OperatorResult result;
    try {
      result = operator.run(plan);
    } catch (RuntimeException e) {
      LOG.warn("plan {} for {}: the {} operator failed: {}", plan.id(), plan.entity(), plan.productType(),
          e.toString());
      result = OperatorResult.failed(observe(operator, plan.entity()).version(), "operator_error",
          "the " + plan.productType() + " operator failed: " + e.getMessage());
    }
    // 3. Look afresh, so the report says how what runs now is doing.
    Observation seen = result.running().isPresent() ? observe(operator, plan.entity()) : Observation.nothingInstalled();
    // 4. Journal the outcome and the entity's state, together.
    String words = result.message().isEmpty() ? result.reason() : result.message();
    Optional<String> digest = result.succeeded()
        ? Optional.of(plan.configDigest()).filter(d -> d.matches(DIGEST))
        : seen.configDigest().filter(d -> d.matches(DIGEST)).or(() -> book.current(taken).configDigest());
    EntityRecord before = book.current(taken);
    EntityRecord after = before.planEnded(plan.id(), result.succeeded(), result.running(), digest,
        result.running().isPresent() ? seen.health() : Health.UNKNOWN, words, clock.instant());
    PlanRecord finished = taken.finished(result.succeeded(), result.reason(), words, clock.instant());
    book.finish(finished, after);
    LOG.info("plan {} ({} {} to {}) {}: {}", plan.id(), plan.type(), plan.entity(),
        plan.toVersion().map(Version::toString).orElse("nothing"), finished.status(), words);
  }

  private static Observation observe(Operator operator, EntityId entity) {
    try {
      return operator.observe(entity);
    } catch (RuntimeException e) {
      return new Observation(Optional.empty(), Optional.empty(), Health.UNKNOWN,
          "could not observe: " + e.getMessage());
    }
  }

  /** Stops taking work and waits up to 5 s in all for running plans (one cut short is resolved at the next start). */
  @Override
  public void close() {
    lanes.values().forEach(ExecutorService::shutdown);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (ExecutorService lane : lanes.values()) {
      try {
        lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
