package io.apollo.core.forecast;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.plan.PlanState;
import io.apollo.core.version.Version;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A plan the forecast places: its target version (empty for an uninstall), its lifecycle state, the roles it still
 * needs, and whether an unmet dependency blocks it ({@code dependencyMessage}, empty when none does).
 */
public record WaitingPlan(String id, EntityId entity, ProductId product, Optional<Version> toVersion,
    PlanState state, Set<String> missingRoles, Optional<String> dependencyMessage) {
  public WaitingPlan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(toVersion, "toVersion");
    Objects.requireNonNull(state, "state");
    missingRoles = Set.copyOf(missingRoles);
    Objects.requireNonNull(dependencyMessage, "dependencyMessage");
  }

  /** Blocked or pending: what the calendar places. */
  public boolean isWaiting() {
    return state == PlanState.BLOCKED || state == PlanState.PENDING;
  }
}
