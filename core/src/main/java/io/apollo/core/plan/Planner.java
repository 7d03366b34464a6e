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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

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
    return plan(input, id -> Optional.empty());
  }

  /**
   * Plans {@code input} deciding again only the {@code affected} entities and keeping {@code previous}'s decision
   * for every other one. Gives what {@link #plan} gives when {@code affected} is what
   * {@link IncrementalPlanning#affected} says for the input {@code previous} was planned from.
   */
  public PlanningResult replan(PlanningInput input, PlanningResult previous, Set<EntityId> affected) {
    return plan(input, id -> affected.contains(id) ? Optional.empty() : previous.decision(id));
  }

  private PlanningResult plan(PlanningInput input, Function<EntityId, Optional<EntityDecision>> kept) {
    DesiredState desired = input.desired();
    ReportedState reported = input.reported();
    // 1. Index what the pass looks up repeatedly, once.
    ReleaseIndex releases = new ReleaseIndex(desired);
    Map<EntityId, EntityReport> reports = new HashMap<>(reported.entities());
    TargetResolver targets = new TargetResolver(releases, new RunningVersions(reported));
    PlanGate gate =
        new PlanGate(constraints, new EvaluationContext(desired, reported, input.now()), input.approvalsByPlanId());
    EntityDecider decider = new EntityDecider(releases, targets, gate, input.failedPlanIds());

    SortedMap<EntityId, EntityDecision> decisions = new TreeMap<>();
    // 2. Leave invalid definitions alone: no uninstall, no downgrade.
    for (EntityId invalid : desired.invalidEntities()) {
      decisions.put(invalid,
          EntityDecider.invalid(invalid, "definition invalid: left alone until it is fixed"));
    }
    // 3. Decide every valid desired entity.
    List<Plan> plans = new ArrayList<>();
    for (Entity entity : desired.entities().values()) {
      if (decisions.containsKey(entity.id())) {
        continue;
      }
      EntityDecision decision = kept.apply(entity.id())
          .orElseGet(() -> decider.decide(entity, Optional.ofNullable(reports.get(entity.id()))));
      decisions.put(entity.id(), decision);
      decision.plan().ifPresent(plans::add);
    }
    // 4. Note what spokes run that desired state does not define.
    for (EntityReport report : reported.entities().values()) {
      decisions.computeIfAbsent(report.entity(), id -> orphan(report));
    }
    // 5. Order plans so that dependencies go first.
    return new PlanningResult(input.now(), DependencyOrder.sort(plans, p -> dependsOn(releases, p)), decisions);
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
