package io.apollo.spoke.intake;

import io.apollo.core.wire.PlanMessage;
import io.apollo.spoke.journal.Journal;
import io.apollo.spoke.journal.Taken;
import io.apollo.spoke.run.Operators;
import io.apollo.spoke.run.PlanRunner;
import java.time.Clock;
import java.util.Optional;

/**
 * Where plans come in, pushed or polled: checks that a plan is this spoke's and that it has an operator for it,
 * journals it (durably, before anyone is told it was taken) and queues it once. A plan id already taken is answered
 * with its record and never queued again. Blocks on the journal: call from a virtual or worker thread.
 */
public final class PlanDesk {
  private final String spoke;
  private final Journal journal;
  private final Operators operators;
  private final PlanRunner runner;
  private final Clock clock;

  public PlanDesk(String spoke, Journal journal, Operators operators, PlanRunner runner, Clock clock) {
    this.spoke = spoke;
    this.journal = journal;
    this.operators = operators;
    this.runner = runner;
    this.clock = clock;
  }

  /** Why a plan is refused before it is taken. */
  public enum Refusal {
    /** The plan names another spoke (HTTP 403). */
    OTHER_SPOKE,
    /** This spoke has no operator for the plan's product type (HTTP 400). */
    NO_OPERATOR
  }

  /** The refusal for {@code plan}, with words for a person, or empty when it may be taken. */
  public Optional<Refused> check(PlanMessage plan) {
    if (!plan.spoke().equals(spoke)) {
      return Optional.of(new Refused(Refusal.OTHER_SPOKE, "plan " + plan.id() + " is for spoke '" + plan.spoke()
          + "', and this is spoke '" + spoke + "'; send it to its own spoke"));
    }
    if (operators.forType(plan.productType()).isEmpty()) {
      return Optional.of(new Refused(Refusal.NO_OPERATOR, "plan " + plan.id() + ": this spoke has no operator for"
          + " product type " + plan.productType() + " (it runs " + operators.types() + ")"));
    }
    return Optional.empty();
  }

  /** Journals and queues {@code plan} unless its id is known; the caller has {@link #check}ed it. */
  public Taken take(PlanMessage plan) {
    Taken taken = journal.take(plan, clock.instant());
    if (taken.fresh()) {
      runner.submit(taken.record());
    }
    return taken;
  }

  /** A refusal and its words. */
  public record Refused(Refusal refusal, String message) {}
}
