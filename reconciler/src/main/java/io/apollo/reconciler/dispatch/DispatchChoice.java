package io.apollo.reconciler.dispatch;

import io.apollo.core.config.EntityId;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanState;
import io.apollo.reconciler.store.GitPlace;
import io.apollo.reconciler.store.StoredPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which plans to hand over now. A plan goes when the store holds it APPROVED (the pass that says so judged its
 * constraints at this instant: approval never opens a window), it is on the governed branch in git, and no other
 * plan of its entity is in flight (DISPATCHED or RUNNING). Plans go in the planner's order, dependencies first.
 * Pure.
 */
public final class DispatchChoice {
  private DispatchChoice() {}

  public static List<StoredPlan> choose(List<StoredPlan> stored, List<Plan> order) {
    Map<String, StoredPlan> byId = stored.stream().collect(Collectors.toMap(StoredPlan::id, Function.identity()));
    Set<EntityId> busy = new HashSet<>();
    for (StoredPlan plan : stored) {
      if (plan.state() == PlanState.DISPATCHED || plan.state() == PlanState.RUNNING) {
        busy.add(plan.entity());
      }
    }
    List<StoredPlan> chosen = new ArrayList<>();
    for (Plan plan : order) {
      StoredPlan s = byId.get(plan.id());
      if (s != null && s.state() == PlanState.APPROVED && s.git() == GitPlace.ON_MAIN && busy.add(s.entity())) {
        chosen.add(s);
      }
    }
    return chosen;
  }
}
