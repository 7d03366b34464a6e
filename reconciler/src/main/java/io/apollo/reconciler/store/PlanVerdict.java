package io.apollo.reconciler.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What the constraints said of a plan from {@code at} on: {@code violations} is the JSON array of its violations
 * ({@code [{constraint, kind, message, unblocksAt}]}; {@code []} when every constraint holds). Kept for the audit
 * record, one row each time the verdict changes.
 */
public record PlanVerdict(String planId, Instant at, String violations) {
  public PlanVerdict {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(violations, "violations");
  }
}
