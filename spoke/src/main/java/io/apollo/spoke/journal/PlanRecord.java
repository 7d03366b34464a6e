package io.apollo.spoke.journal;

import io.apollo.core.wire.PlanMessage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One plan as the journal holds it. {@code reason} is a machine code ({@code succeeded},
 * {@code interrupted_by_restart}, or the operator's), {@code message} the words for a person; both are empty until the
 * plan finishes.
 */
public record PlanRecord(
    PlanMessage plan,
    PlanStatus status,
    String reason,
    String message,
    Instant takenAt,
    Optional<Instant> finishedAt) {

  public PlanRecord {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(status, "status");
    reason = reason == null ? "" : reason;
    message = message == null ? "" : message;
    Objects.requireNonNull(takenAt, "takenAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }

  public String id() {
    return plan.id();
  }

  public static PlanRecord taken(PlanMessage plan, Instant at) {
    return new PlanRecord(plan, PlanStatus.TAKEN, "", "", at, Optional.empty());
  }

  public PlanRecord finished(boolean succeeded, String why, String words, Instant at) {
    return new PlanRecord(plan, succeeded ? PlanStatus.SUCCEEDED : PlanStatus.FAILED, why, words, takenAt,
        Optional.of(at));
  }
}
