package io.apollo.cli.diff;

import io.apollo.cli.repo.ProblemDelta;
import io.apollo.core.config.EntityId;
import io.apollo.core.load.LoadResult;
import io.apollo.core.load.Problem;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanningResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What merging the head into the base would change in the fleet: the plans that appear, disappear or change, the
 * entities that become invalid, and the load problems the head adds. Pure: both sides were planned against the
 * same reported state at the same instant by the caller.
 */
public record FleetDiff(List<PlanChange> plans, SortedSet<EntityId> newlyInvalid, List<Problem> newProblems) {

  public static FleetDiff of(LoadResult base, PlanningResult basePlans, LoadResult head, PlanningResult headPlans) {
    Map<EntityId, Plan> before = byEntity(basePlans);
    Map<EntityId, Plan> after = byEntity(headPlans);
    TreeMap<EntityId, Boolean> entities = new TreeMap<>();
    before.keySet().forEach(e -> entities.put(e, true));
    after.keySet().forEach(e -> entities.put(e, true));
    List<PlanChange> changes = new ArrayList<>();
    for (EntityId entity : entities.keySet()) {
      PlanChange.between(entity, Optional.ofNullable(before.get(entity)), Optional.ofNullable(after.get(entity)))
          .ifPresent(changes::add);
    }
    SortedSet<EntityId> invalid = new TreeSet<>(head.state().invalidEntities());
    invalid.removeAll(base.state().invalidEntities());
    return new FleetDiff(changes, invalid, ProblemDelta.added(base.problems(), head.problems()));
  }

  public boolean isEmpty() {
    return plans.isEmpty() && newlyInvalid.isEmpty() && newProblems.isEmpty();
  }

  public long count(PlanChange.Kind kind) {
    return plans.stream().filter(p -> p.kind() == kind).count();
  }

  private static Map<EntityId, Plan> byEntity(PlanningResult result) {
    Map<EntityId, Plan> map = new HashMap<>();
    result.plans().forEach(p -> map.put(p.entity(), p));
    return map;
  }
}
