package io.apollo.core.explain;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.Presence;
import io.apollo.core.config.ProductId;
import io.apollo.core.plan.EntityDecision;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanningResult;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.ReportedState;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Explains one entity from a planning pass and the states it was computed from. Never throws for an unknown id: the
 * explanation says so and suggests similar ids.
 */
public final class Explainer {
  private Explainer() {}

  public static Explanation explain(
      EntityId entity, PlanningResult result, DesiredState desired, ReportedState reported) {
    Optional<Entity> definition = desired.entity(entity);
    Optional<EntityReport> report = reported.get(entity);
    Optional<EntityDecision> decision = result.decision(entity);
    boolean invalid = desired.invalidEntities().contains(entity);
    if (definition.isEmpty() && report.isEmpty() && decision.isEmpty() && !invalid) {
      return unknown(entity, result, desired, reported);
    }
    Optional<ProductId> product = definition.map(Entity::product).or(() -> report.map(EntityReport::product));
    Optional<Plan> plan = decision.flatMap(EntityDecision::plan);
    return new Explanation(
        entity,
        true,
        product,
        desiredInWords(definition, invalid),
        report,
        decision.map(EntityDecision::target),
        decision.map(EntityDecision::skipped).orElse(List.of()),
        plan,
        decision.flatMap(EntityDecision::noPlan),
        plan.map(Plan::verdicts).orElse(List.of()),
        plan.map(Plan::requiredRoles).orElse(Set.of()),
        plan.map(Plan::missingRoles).orElse(Set.of()),
        plan.flatMap(Plan::unblocksAt),
        List.of());
  }

  private static String desiredInWords(Optional<Entity> definition, boolean invalid) {
    if (invalid) {
      return "definition invalid: left alone until it is fixed";
    }
    if (definition.isEmpty()) {
      return "not in desired state (a spoke reports it)";
    }
    Entity entity = definition.get();
    Optional<String> spec = entity.version().map(v -> "pinned to " + v)
        .or(() -> entity.channel().map(c -> "following channel " + c));
    if (entity.state() == Presence.ABSENT) {
      return spec.map(text -> "absent (was " + text + ")").orElse("absent");
    }
    return spec.orElseThrow();
  }

  private static Explanation unknown(
      EntityId entity, PlanningResult result, DesiredState desired, ReportedState reported) {
    Set<EntityId> candidates = new TreeSet<>(desired.entities().keySet());
    candidates.addAll(desired.invalidEntities());
    candidates.addAll(reported.entities().keySet());
    candidates.addAll(result.decisions().keySet());
    return new Explanation(entity, false, Optional.empty(), "not in desired state, and no spoke reports it",
        Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), List.of(), Set.of(),
        Set.of(), Optional.empty(), SimilarIds.to(entity, candidates));
  }
}
