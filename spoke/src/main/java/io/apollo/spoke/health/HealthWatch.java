package io.apollo.spoke.health;

import io.apollo.core.report.Health;
import io.apollo.spoke.journal.EntityRecord;
import io.apollo.spoke.operator.Observation;
import io.apollo.spoke.operator.Operator;
import io.apollo.spoke.run.PlanRunner;
import io.apollo.spoke.state.EntityBook;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every installed entity's health on an interval, on its own virtual thread, by asking its operator to
 * {@code observe} it: RUNNING turns DEGRADED when a check fails and back when it passes; a process that died is
 * UNHEALTHY with the operator's words, never hidden. Entities with a plan running are left to the plan. Changes reach
 * the hub through the {@link EntityBook}'s listeners.
 */
public final class HealthWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HealthWatch.class);

  private final EntityBook book;
  private final Function<EntityRecord, Optional<Operator>> operatorOf;
  private final PlanRunner runner;
  private final Duration interval;
  private volatile boolean stopped;
  private Thread thread;

  /** {@code operatorOf} names the operator that runs an entity (the one of its last plan). */
  public HealthWatch(EntityBook book, Function<EntityRecord, Optional<Operator>> operatorOf, PlanRunner runner,
      Duration interval) {
    this.book = book;
    this.operatorOf = operatorOf;
    this.runner = runner;
    this.interval = interval;
  }

  public void start() {
    thread = Thread.ofVirtual().name("spoke-health").start(this::loop);
  }

  private void loop() {
    while (!stopped) {
      try {
        Thread.sleep(interval);
      } catch (InterruptedException e) {
        return;
      }
      checkAll();
    }
  }

  /** One round: observe every installed entity that no plan is changing. */
  public void checkAll() {
    for (EntityRecord entity : book.snapshot()) {
      if (stopped) {
        return;
      }
      if (entity.version().isEmpty() || runner.busy(entity.entity())) {
        continue;
      }
      Optional<Operator> operator = operatorOf.apply(entity);
      if (operator.isEmpty()) {
        continue;
      }
      Observation seen;
      try {
        seen = operator.get().observe(entity.entity());
      } catch (RuntimeException e) {
        seen = new Observation(entity.version(), entity.configDigest(), Health.UNKNOWN,
            "the health check could not run: " + e.getMessage());
      }
      if (!runner.busy(entity.entity())) {
        book.healthSeen(entity.entity(), seen);
      }
    }
  }

  @Override
  public void close() {
    stopped = true;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
