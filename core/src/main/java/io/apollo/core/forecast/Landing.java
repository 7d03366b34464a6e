package io.apollo.core.forecast;

import io.apollo.core.config.EntityId;
import io.apollo.core.plan.PlanState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When one waiting plan could land: {@code at}, the earliest instant it could proceed, empty when it never can under
 * today's config (or waits for something no one planned); {@code reason} says which, {@code message} says it in
 * words; {@code after} names the plan it waits for under dependency order; {@code missingRoles} are the approvals
 * it still needs besides time.
 */
public record Landing(String planId, EntityId entity, PlanState state, Optional<Instant> at, LandingReason reason,
    String message, Optional<String> after, List<String> missingRoles) {
  public Landing {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(after, "after");
    missingRoles = List.copyOf(missingRoles);
  }

  /** True when the plan can never land under today's config. */
  public boolean never() {
    return reason == LandingReason.NEVER_WINDOW || reason == LandingReason.NEVER_ROLE;
  }
}
