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
import java.util.function.BiFunction;

/**
 * The approvals git records (DESIGN.md section 4) as the store keeps them and the planner takes them: evidence on
 * the governed branch judged against the plan files the hub proposed. Pure.
 */
final class GitApprovals {
  private GitApprovals() {}

  /**
   * Each piece of git evidence as stored approvals: one per role it meets, or one refused. Evidence is judged
   * against the plan file as its own commit left it (DESIGN.md section 4): an approval given to a file edited
   * beyond approving it (another version, a dropped role) approves something the hub will not run and is refused
   * for good; an approval given to the file as proposed stands when someone edits the file later. The hub only
   * ever dispatches the plan it proposed, from its store.
   */
  static List<StoredApproval> seen(Map<String, PlanOnBranch> onMain, List<StoredPlan> plans) {
    Map<String, String> proposedFiles = new HashMap<>();
    for (StoredPlan plan : plans) {
      if (onMain.containsKey(plan.id())) {
        PlanBody.proposedFile(plan).ifPresent(file -> proposedFiles.put(plan.id(), file));
      }
    }
    return seen(onMain, (plan, commit) -> Optional.ofNullable(proposedFiles.get(plan.planId()))
        .map(proposed -> PlanEdits.changedFields(proposed, plan.contentAt(commit))).orElse(List.of()));
  }

  /** As above, with {@code edits} giving the fields a plan file at a commit changed from what the hub proposed. */
  static List<StoredApproval> seen(Map<String, PlanOnBranch> onMain, BiFunction<PlanOnBranch, String,
      List<String>> edits) {
    List<StoredApproval> seen = new ArrayList<>();
    onMain.values().forEach(plan -> plan.approvals().forEach(e -> {
      List<String> changed = edits.apply(plan, e.commit());
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
