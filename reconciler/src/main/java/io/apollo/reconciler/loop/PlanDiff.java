package io.apollo.reconciler.loop;

import io.apollo.core.config.EntityId;
import io.apollo.core.plan.EntityDecision;
import io.apollo.core.plan.NoPlan;
import io.apollo.core.plan.NoPlanReason;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanState;
import io.apollo.core.plan.PlanningResult;
import io.apollo.reconciler.store.GitPlace;
import io.apollo.reconciler.store.StoredPlan;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/**
 * Diffs one planning pass against the plans the store holds (DESIGN.md section 4). Pure:
 * <ul>
 *   <li>a plan not seen before is stored in the state the planner gives it;</li>
 *   <li>a waiting plan (BLOCKED, PENDING, APPROVED) follows the planner: blocked, unblocked, approved;</li>
 *   <li>a waiting plan the planner no longer proposes is SUPERSEDED with the reason, unless its entity is left
 *       alone (definition invalid) or busy (a plan in flight): those keep their plans;</li>
 *   <li>a superseded plan that desired state wants again comes back; handed-over and finished plans follow
 *       reports only, and a cancelled plan stays cancelled.</li>
 * </ul>
 */
final class PlanDiff {
  static final Set<PlanState> WAITING = EnumSet.of(PlanState.BLOCKED, PlanState.PENDING, PlanState.APPROVED);

  private PlanDiff() {}

  /**
   * @param proposed the planner's plans for entities whose spoke has reported, in execution order
   * @param bodies each proposed plan's JSON body, by plan id
   */
  static void apply(Changes changes, PlanningResult result, List<Plan> proposed, Map<String, ObjectNode> bodies) {
    Map<String, Plan> byId = proposed.stream().collect(Collectors.toMap(Plan::id, p -> p, (a, b) -> a));
    for (Plan plan : proposed) {
      Optional<StoredPlan> stored = changes.get(plan.id());
      String body = stored.map(s -> PlanBody.carryOver(s.body(), bodies.get(plan.id())))
          .orElseGet(() -> bodies.get(plan.id()).toString());
      if (stored.isEmpty()) {
        changes.create(new StoredPlan(plan.id(), plan.entity(), plan.spoke(), plan.state(), GitPlace.NONE, body,
            changes.at(), changes.at()), "PROPOSED_" + plan.reason().name(), plan.message() + why(plan));
        continue;
      }
      StoredPlan s = stored.get();
      if (WAITING.contains(s.state())) {
        if (!s.body().equals(body)) {
          changes.put(s.withBody(body));
        }
        changes.move(changes.get(s.id()).orElseThrow(), plan.state(), transition(plan.state()),
            why(plan).replaceFirst("^; ", ""));
      } else if (s.state() == PlanState.SUPERSEDED) {
        StoredPlan revived = s.withBody(body).withGit(s.git() == GitPlace.WITHDRAWN ? GitPlace.NONE : s.git(),
            changes.at());
        changes.put(revived);
        changes.move(revived, plan.state(), "WANTED_AGAIN", "desired state wants this change again" + why(plan));
      }
    }
    Map<EntityId, Plan> byEntity = new HashMap<>();
    proposed.forEach(p -> byEntity.putIfAbsent(p.entity(), p));
    for (StoredPlan s : changes.all()) {
      if (!WAITING.contains(s.state()) || byId.containsKey(s.id())) {
        continue;
      }
      Optional<NoPlan> none = result.decision(s.entity()).flatMap(EntityDecision::noPlan);
      if (none.filter(n -> n.reason() == NoPlanReason.DEFINITION_INVALID
          || n.reason() == NoPlanReason.IN_FLIGHT).isPresent()) {
        continue;
      }
      String message = Optional.ofNullable(byEntity.get(s.entity()))
          .map(p -> "desired state changed: " + p.id() + " (" + p.type().wireName()
              + p.toVersion().map(v -> " to " + v).orElse("") + ") replaces it")
          .or(() -> none.map(n -> "no longer needed: " + n.message()))
          .orElse("desired state no longer defines " + s.entity());
      changes.move(s, PlanState.SUPERSEDED, "SUPERSEDED", message);
    }
  }

  private static String transition(PlanState state) {
    return switch (state) {
      case BLOCKED -> "BLOCKED";
      case PENDING -> "AWAITING_APPROVAL";
      case APPROVED -> "APPROVED";
      default -> state.name();
    };
  }

  /** Why the plan is in its state, in words: its violations, or the roles it still needs. */
  static String why(Plan plan) {
    if (plan.isBlocked()) {
      return "; blocked: " + plan.violations().stream().map(v -> v.constraint() + ": " + v.message())
          .collect(Collectors.joining("; "));
    }
    if (!plan.missingRoles().isEmpty()) {
      return "; awaiting approval by " + String.join(", ", plan.missingRoles());
    }
    return plan.requiredRoles().isEmpty() ? "; needs no approval" : "; approved by " + String.join(", ",
        plan.requiredRoles());
  }
}
