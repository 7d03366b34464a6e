package io.apollo.core.plan;

import io.apollo.core.config.Approval;
import io.apollo.core.config.DesiredState;
import io.apollo.core.report.ReportedState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One planning pass's input: desired state (one commit), reported state, the time, the approvals already given to
 * plans (by plan id, from Plan documents or the hub's store), and the ids of plans that already ran and failed
 * (never proposed again). {@code now} is the only clock the planner reads.
 */
public record PlanningInput(
    DesiredState desired,
    ReportedState reported,
    Instant now,
    Map<String, List<Approval>> approvalsByPlanId,
    Set<String> failedPlanIds) {

  public PlanningInput {
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(reported, "reported");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(approvalsByPlanId, "approvalsByPlanId");
    Objects.requireNonNull(failedPlanIds, "failedPlanIds");
    Map<String, List<Approval>> approvals = new HashMap<>();
    approvalsByPlanId.forEach((id, given) -> approvals.put(id, List.copyOf(given)));
    approvalsByPlanId = Map.copyOf(approvals);
    failedPlanIds = Set.copyOf(failedPlanIds);
  }

  /** A pass with no approvals given and no failed plans. */
  public static PlanningInput of(DesiredState desired, ReportedState reported, Instant now) {
    return new PlanningInput(desired, reported, now, Map.of(), Set.of());
  }
}
