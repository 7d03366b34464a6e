package io.apollo.reconciler.store;

import io.apollo.core.plan.PlanState;
import java.time.Instant;
import java.util.Objects;

/** One step of a plan's history: the state it entered, when, why for machines ({@code reason}) and people. */
public record PlanEvent(String planId, Instant at, PlanState state, String reason, String message) {
  public PlanEvent {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
