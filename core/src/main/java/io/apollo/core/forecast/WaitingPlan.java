package io.apollo.core.forecast;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.plan.PlanState;
import io.apollo.core.version.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A plan the forecast places: its target version (empty for an uninstall), its lifecycle state, the roles it still
 * needs, whether an unmet dependency blocks it ({@code dependencyMessage}, empty when none does), and whether it
 * waits for a promotion bake ({@code bake}, empty when no promotion gate holds it).
 */
public record WaitingPlan(String id, EntityId entity, ProductId product, Optional<Version> toVersion,
    PlanState state, Set<String> missingRoles, Optional<String> dependencyMessage, Optional<Bake> bake) {

  /**
   * A promotion gate that holds the plan: its constraint, its words, and when the bake ends (empty when the source
   * is unhealthy, failed or not on the release yet, so that no time can be given).
   */
  public record Bake(String constraint, String message, Optional<Instant> endsAt) {
    public Bake {
      Objects.requireNonNull(constraint, "constraint");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(endsAt, "endsAt");
    }
  }

  /** A plan no promotion gate holds. */
  public WaitingPlan(String id, EntityId entity, ProductId product, Optional<Version> toVersion,
      PlanState state, Set<String> missingRoles, Optional<String> dependencyMessage) {
    this(id, entity, product, toVersion, state, missingRoles, dependencyMessage, Optional.empty());
  }

  public WaitingPlan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(toVersion, "toVersion");
    Objects.requireNonNull(state, "state");
    missingRoles = Set.copyOf(missingRoles);
    Objects.requireNonNull(dependencyMessage, "dependencyMessage");
    Objects.requireNonNull(bake, "bake");
  }

  /** Blocked or pending: what the calendar places. */
  public boolean isWaiting() {
    return state == PlanState.BLOCKED || state == PlanState.PENDING;
  }
}
