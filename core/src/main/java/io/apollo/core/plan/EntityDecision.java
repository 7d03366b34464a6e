package io.apollo.core.plan;

import io.apollo.core.config.EntityId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the planner decided for one entity: its target (or why it has none), the releases a channel follower passed
 * over, and either the plan or why there is none (exactly one of the two).
 */
public record EntityDecision(
    EntityId entity, Target target, List<SkippedRelease> skipped, Optional<Plan> plan, Optional<NoPlan> noPlan) {

  public EntityDecision {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(target, "target");
    skipped = List.copyOf(skipped);
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(noPlan, "noPlan");
    if (plan.isPresent() == noPlan.isPresent()) {
      throw new IllegalArgumentException("decision for " + entity + " needs exactly one of plan or noPlan");
    }
  }

  static EntityDecision planned(EntityId entity, Target target, List<SkippedRelease> skipped, Plan plan) {
    return new EntityDecision(entity, target, skipped, Optional.of(plan), Optional.empty());
  }

  static EntityDecision unplanned(
      EntityId entity, Target target, List<SkippedRelease> skipped, NoPlanReason reason, String message) {
    return new EntityDecision(entity, target, skipped, Optional.empty(), Optional.of(new NoPlan(reason, message)));
  }
}
