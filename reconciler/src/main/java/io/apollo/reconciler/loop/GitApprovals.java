package io.apollo.reconciler.loop;

import io.apollo.core.config.Approval;
import io.apollo.reconciler.gitsync.PlanEdits;
import io.apollo.reconciler.gitsync.PlanOnBranch;
import io.apollo.reconciler.store.StoredApproval;
import io.apollo.reconciler.store.StoredPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The approvals git records (DESIGN.md section 4) as the store keeps them and the planner takes them: evidence on
 * the governed branch judged against the plan files the hub proposed. Pure.
 */
final class GitApprovals {
  private GitApprovals() {}

  /**
   * For each plan file on the branch that differs from what the hub put in git (beyond its approvals), the fields
   * changed: approving such a file approves something the hub will not run (DESIGN.md section 4).
   */
  static Map<String, List<String>> edits(List<StoredPlan> plans, Map<String, PlanOnBranch> onMain) {
    Map<String, List<String>> edited = new HashMap<>();
    for (StoredPlan plan : plans) {
      PlanOnBranch file = onMain.get(plan.id());
      if (file == null) {
        continue;
      }
      PlanBody.proposedFile(plan).map(proposed -> PlanEdits.changedFields(proposed, file.content()))
          .filter(changed -> !changed.isEmpty()).ifPresent(changed -> edited.put(plan.id(), changed));
    }
    return edited;
  }

  /**
   * Each piece of git evidence as stored approvals: one per role it meets, or one refused. Evidence for a plan file
   * edited beyond approving it is refused.
   */
  static List<StoredApproval> seen(Map<String, PlanOnBranch> onMain, Map<String, List<String>> edits) {
    List<StoredApproval> seen = new ArrayList<>();
    onMain.values().forEach(plan -> plan.approvals().forEach(e -> {
      List<String> changed = edits.getOrDefault(plan.planId(), List.of());
      if (!changed.isEmpty()) {
        seen.add(new StoredApproval(plan.planId(), e.commit(), e.by(), e.claimedRole(), e.kind().name(), e.at(),
            Optional.of("the plan file was changed beyond approving it (" + String.join(", ", changed.stream()
                .map(f -> f.isEmpty() ? "the whole file" : f).toList()) + "): the hub runs only the plan it"
                + " proposed; restore the file and approve again"), Optional.of("PLAN_EDITED")));
      } else if (e.accepted() && !e.rolesMet().isEmpty()) {
        e.rolesMet().forEach(role -> seen.add(new StoredApproval(plan.planId(), e.commit(), e.by(),
            Optional.of(role), e.kind().name(), e.at(), Optional.empty(), Optional.empty())));
      } else {
        seen.add(new StoredApproval(plan.planId(), e.commit(), e.by(), e.claimedRole(), e.kind().name(), e.at(),
            e.refusal().or(() -> Optional.of(e.by() + " holds none of the roles this plan needs")),
            e.refusalReason().map(Enum::name).or(() -> Optional.of("HOLDS_NO_ROLE"))));
      }
    }));
    return seen;
  }

  /** Accepted approvals as the planner takes them: one per role met. */
  static Map<String, List<Approval>> accepted(Map<String, List<StoredApproval>> approvals) {
    Map<String, List<Approval>> byPlan = new HashMap<>();
    approvals.forEach((planId, list) -> byPlan.put(planId, list.stream().filter(StoredApproval::accepted)
        .map(a -> new Approval(a.by(), a.role(), Optional.of(a.at()))).toList()));
    return byPlan;
  }
}
