package io.apollo.core.plan;

import io.apollo.core.approval.AccreditationRouter;
import io.apollo.core.approval.ApprovalStatus;
import io.apollo.core.config.Approval;
import io.apollo.core.config.Role;
import io.apollo.core.constraint.ConstraintCheck;
import io.apollo.core.constraint.EvaluationContext;
import io.apollo.core.constraint.ProposedChange;
import io.apollo.core.constraint.Verdict;
import io.apollo.core.plan.Action.Change;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds a change to constraints and approvals and states the plan: {@code BLOCKED} when any constraint is violated;
 * else {@code PENDING} while a required role has not approved; else {@code APPROVED}. Required roles are computed for
 * every plan, blocked or not, so reviewers see them early. One gate serves one planning pass.
 */
final class PlanGate {
  private final ConstraintCheck constraints;
  private final EvaluationContext context;
  private final AccreditationRouter router;
  private final Map<String, List<Approval>> approvals;
  private final Map<String, Role> roles;
  private final NextClearance clearance;

  PlanGate(ConstraintCheck constraints, EvaluationContext context, Map<String, List<Approval>> approvalsByPlanId) {
    this.constraints = constraints;
    this.context = context;
    this.router = new AccreditationRouter(context.desired().approvalPolicies());
    this.approvals = approvalsByPlanId;
    this.roles = context.desired().roles();
    this.clearance = new NextClearance(constraints, context);
  }

  Plan admit(String id, ProposedChange proposed, Change change, String configDigest) {
    List<Verdict> verdicts = constraints.evaluate(proposed, context);
    Set<String> required =
        router.requiredRoles(proposed.entity().environment(), proposed.type(), proposed.product().criticality());
    ApprovalStatus approval = AccreditationRouter.status(required, approvals.getOrDefault(id, List.of()), roles);
    PlanState state =
        verdicts.stream().anyMatch(Verdict::violated)
            ? PlanState.BLOCKED
            : approval.isSatisfied() ? PlanState.APPROVED : PlanState.PENDING;
    return new Plan(
        id,
        proposed.entity().id(),
        proposed.entity().product(),
        proposed.entity().spoke(),
        proposed.type(),
        proposed.fromVersion(),
        proposed.toVersion(),
        configDigest,
        state,
        verdicts,
        approval.required(),
        approval.missing(),
        change.reason(),
        change.message(),
        clearance.find(proposed, verdicts));
  }
}
