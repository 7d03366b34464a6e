package io.apollo.core.plan;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductDependency;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.constraint.ConstraintCheck;
import io.apollo.core.constraint.EvaluationContext;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.ReportedState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Pairs desired state with reported state and decides, for every entity, at most one plan (DESIGN.md section 3).
 * Pure: the same input always gives the same result, and nothing is read but the input. Only entities desired state
 * defines get plans; an invalid definition is left alone, and an entity that desired state no longer mentions is
 * never uninstalled (only {@code state: absent} uninstalls).
 */
public final class Planner {
  private final ConstraintCheck constraints;

  /** @param constraints judges every proposed change; called once per change */
  public Planner(ConstraintCheck constraints) {
    this.constraints = Objects.requireNonNull(constraints, "constraints");
  }

  public PlanningResult plan(PlanningInput input) {
    return plan(input, PlanningIndexes.of(input));
  }

  /**
   * Plans {@code input} deciding again only the {@code affected} entities and keeping {@code previous}'s decision
   * for every other one. Gives what {@link #plan} gives when {@code affected} is what
   * {@link IncrementalPlanning#affected} says for the input {@code previous} was planned from: every entity whose
   * decision may differ, including those that appear in or leave the result (a definition added or deleted, an
   * entity reported for the first time).
   */
  public PlanningResult replan(PlanningInput input, PlanningResult previous, Set<EntityId> affected) {
    return replan(input, previous, affected, PlanningIndexes.of(input));
  }

  /** {@link #plan(PlanningInput)} with the indexes of {@code input} already built. */
  PlanningResult plan(PlanningInput input, PlanningIndexes indexes) {
    DesiredState desired = input.desired();
    ReportedState reported = input.reported();
    EntityDecider decider = decider(input, indexes);
    SortedMap<EntityId, EntityDecision> decisions = new TreeMap<>();
    // 1. Leave invalid definitions alone: no uninstall, no downgrade.
    for (EntityId invalid : desired.invalidEntities()) {
      decisions.put(invalid, invalid(invalid));
    }
    // 2. Decide every valid desired entity.
    List<Plan> plans = new ArrayList<>();
    for (Entity entity : desired.entities().values()) {
      if (decisions.containsKey(entity.id())) {
        continue;
      }
      EntityDecision decision = decider.decide(entity, reported.get(entity.id()));
      decisions.put(entity.id(), decision);
      decision.plan().ifPresent(plans::add);
    }
    // 3. Note what spokes run that desired state does not define.
    for (EntityReport report : reported.entities().values()) {
      decisions.computeIfAbsent(report.entity(), id -> orphan(report));
    }
    // 4. Order plans so that dependencies go first.
    return new PlanningResult(input.now(), DependencyOrder.sort(plans, p -> dependsOn(indexes.releases(), p)),
        decisions);
  }

  /**
   * {@link #replan(PlanningInput, PlanningResult, Set)} with the indexes of {@code input} already built: the kept
   * decisions are copied in id order (no sorting), and only the affected ones are decided again by the rules of
   * {@link #plan(PlanningInput, PlanningIndexes)}.
   */
  PlanningResult replan(PlanningInput input, PlanningResult previous, Set<EntityId> affected,
      PlanningIndexes indexes) {
    DesiredState desired = input.desired();
    ReportedState reported = input.reported();
    EntityDecider decider = decider(input, indexes);
    TreeMap<EntityId, EntityDecision> decisions = new TreeMap<>(previous.decisions());
    Set<String> changed = new HashSet<>();
    for (EntityId id : affected) {
      Optional<Entity> entity = desired.entity(id);
      Optional<EntityReport> report = reported.get(id);
      EntityDecision decision;
      if (desired.invalidEntities().contains(id)) {
        decision = invalid(id);
      } else if (entity.isPresent()) {
        decision = decider.decide(entity.get(), report);
      } else if (report.isPresent()) {
        decision = orphan(report.get());
      } else {
        decision = null;
      }
      EntityDecision before = decision == null ? decisions.remove(id) : decisions.put(id, decision);
      Optional<Plan> was = before == null ? Optional.empty() : before.plan();
      if (!was.equals(decision == null ? Optional.empty() : decision.plan())) {
        changed.add(id.environment());
      }
    }
    // In id order, as the full pass collects them: only a valid desired entity's decision has a plan.
    List<Plan> plans = new ArrayList<>();
    for (EntityDecision decision : decisions.values()) {
      decision.plan().ifPresent(plans::add);
    }
    return new PlanningResult(input.now(),
        DependencyOrder.resort(previous.plans(), plans, changed, p -> dependsOn(indexes.releases(), p)), decisions);
  }

  private EntityDecider decider(PlanningInput input, PlanningIndexes indexes) {
    TargetResolver targets = new TargetResolver(indexes.releases(), indexes.running());
    PlanGate gate = new PlanGate(constraints, new EvaluationContext(input.desired(), input.reported(), input.now()),
        input.approvalsByPlanId());
    return new EntityDecider(indexes.releases(), targets, gate, input.failedPlanIds());
  }

  private static EntityDecision invalid(EntityId id) {
    return EntityDecider.invalid(id, "definition invalid: left alone until it is fixed");
  }

  private static EntityDecision orphan(EntityReport report) {
    String message =
        "reported" + report.version().map(v -> " running " + v).orElse("")
            + " but not in desired state; deleting a definition never uninstalls:"
            + " restore it, or set state: absent to remove it";
    return EntityDecision.unplanned(report.entity(), Target.none(TargetReason.NOT_DESIRED, message), List.of(),
        NoPlanReason.NOT_DESIRED, message);
  }

  private static Collection<ProductId> dependsOn(ReleaseIndex releases, Plan plan) {
    Optional<Release> release = plan.toVersion().flatMap(v -> releases.release(plan.product(), v));
    if (release.isEmpty()) {
      return List.of();
    }
    Set<ProductId> products = new HashSet<>();
    for (ProductDependency dependency : release.get().manifest().productDependencies()) {
      products.add(dependency.product());
    }
    return products;
  }
}
