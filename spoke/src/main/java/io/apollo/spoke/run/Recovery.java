package io.apollo.spoke.run;

import io.apollo.core.config.PlanType;
import io.apollo.core.report.Health;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.spoke.journal.EntityRecord;
import io.apollo.spoke.journal.Journal;
import io.apollo.spoke.journal.PlanRecord;
import io.apollo.spoke.operator.Observation;
import io.apollo.spoke.operator.Operator;
import io.apollo.spoke.state.EntityBook;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves, at start, every plan the journal holds as taken but not finished (the spoke stopped or was killed). Such
 * a plan is never run again: its entity is observed, and the plan is SUCCEEDED when the target runs healthy at the
 * plan's config digest (or, for an uninstall, when nothing is installed), else FAILED with reason
 * {@code interrupted_by_restart} and what was found. The entity's record is made true to the observation.
 */
public final class Recovery {
  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
  public static final String INTERRUPTED = "interrupted_by_restart";

  private final Journal journal;
  private final Operators operators;
  private final EntityBook book;
  private final Clock clock;

  public Recovery(Journal journal, Operators operators, EntityBook book, Clock clock) {
    this.journal = journal;
    this.operators = operators;
    this.book = book;
    this.clock = clock;
  }

  /** Resolves every unfinished plan; answers how many there were. */
  public int resolveUnfinished() {
    List<PlanRecord> unfinished = journal.unfinished();
    for (PlanRecord record : unfinished) {
      resolve(record);
    }
    return unfinished.size();
  }

  private void resolve(PlanRecord record) {
    PlanMessage plan = record.plan();
    Observation seen = operators.forType(plan.productType())
        .map(op -> observe(op, plan))
        .orElseGet(() -> new Observation(Optional.empty(), Optional.empty(), Health.UNKNOWN,
            "no " + plan.productType() + " operator on this spoke to observe it"));
    boolean reached = reached(plan, seen);
    String health = seen.health().name().toLowerCase(Locale.ROOT);
    String found = seen.version().map(v -> "found " + v + " running (" + health + ")")
        .orElse("found nothing installed");
    String words = reached
        ? "completed before a spoke restart; " + found
        : "interrupted by a spoke restart; " + found + (seen.message().isEmpty() ? "" : ": " + seen.message());
    EntityRecord before = book.current(record);
    EntityRecord after = before.planEnded(plan.id(), reached, seen.version(),
        seen.configDigest().filter(d -> d.startsWith("sha256:")), seen.health(), words, clock.instant());
    book.finish(record.finished(reached, reached ? "succeeded" : INTERRUPTED, words, clock.instant()), after);
    LOG.info("plan {} for {} was cut short by a restart and is now {}: {}", plan.id(), plan.entity(),
        reached ? "SUCCEEDED" : "FAILED", words);
  }

  private static boolean reached(PlanMessage plan, Observation seen) {
    if (plan.type() == PlanType.UNINSTALL) {
      return seen.version().isEmpty();
    }
    Optional<Version> target = plan.toVersion();
    return seen.version().equals(target)
        && seen.configDigest().map(plan.configDigest()::equals).orElse(false)
        && seen.health() == Health.HEALTHY;
  }

  private static Observation observe(Operator operator, PlanMessage plan) {
    try {
      return operator.observe(plan.entity());
    } catch (RuntimeException e) {
      return new Observation(Optional.empty(), Optional.empty(), Health.UNKNOWN,
          "could not observe: " + e.getMessage());
    }
  }
}
