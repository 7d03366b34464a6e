package io.apollo.reconciler.loop;

import io.apollo.core.config.Approval;
import io.apollo.reconciler.gitsync.ApprovalEvidence;
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
   * for good; an approval given to the file as proposed stands when someone edits the file later. A signed approval
   * must also descend from the commit the hub proposed the plan with, when the hub recorded it (issue 15). The hub
   * only ever dispatches the plan it proposed, from its store.
   */
  static List<StoredApproval> seen(Map<String, PlanOnBranch> onMain, List<StoredPlan> plans) {
    Map<String, String> proposedFiles = new HashMap<>();
    Map<String, String> proposals = new HashMap<>();
    for (StoredPlan plan : plans) {
      if (onMain.containsKey(plan.id())) {
        PlanBody.proposedFile(plan).ifPresent(file -> proposedFiles.put(plan.id(), file));
        PlanBody.proposalCommit(plan).ifPresent(commit -> proposals.put(plan.id(), commit));
      }
    }
    return seen(onMain, (plan, commit) -> Optional.ofNullable(proposedFiles.get(plan.planId()))
        .map(proposed -> PlanEdits.changedFields(proposed, plan.contentAt(commit))).orElse(List.of()), proposals);
  }

  /** As above, with {@code edits} giving the fields a plan file at a commit changed from what the hub proposed. */
  static List<StoredApproval> seen(Map<String, PlanOnBranch> onMain, BiFunction<PlanOnBranch, String,
      List<String>> edits) {
    return seen(onMain, edits, Map.of());
  }

  /** As above, with {@code proposals} the commit each plan was proposed with, by plan id, where recorded. */
  static List<StoredApproval> seen(Map<String, PlanOnBranch> onMain, BiFunction<PlanOnBranch, String,
      List<String>> edits, Map<String, String> proposals) {
    List<StoredApproval> seen = new ArrayList<>();
    onMain.values().forEach(plan -> plan.approvals().forEach(e -> {
      List<String> changed = edits.apply(plan, e.commit());
      Optional<String> proposal = Optional.ofNullable(proposals.get(plan.planId()));
      if (!changed.isEmpty()) {
        seen.add(refused(plan, e, "PLAN_EDITED", "the plan file was changed beyond approving it (" + String.join(
            ", ", changed.stream().map(f -> f.isEmpty() ? "the whole file" : f).toList()) + "): the hub runs only"
            + " the plan it proposed; restore the file and approve again"));
      } else if (e.accepted() && proposal.isPresent() && e.proposal().isPresent()
          && !e.proposal().get().equals(proposal.get())) {
        seen.add(refused(plan, e, "NOT_FROM_PROPOSAL", "commit " + abbreviate(e.commit()) + " does not descend"
            + " from the hub's proposal commit " + abbreviate(proposal.get()) + " of this plan (its plan file"
            + " starts at " + abbreviate(e.proposal().get()) + ": a squash merge, a copy or an older proposal):"
            + " approve on the branch apollo/plan/" + plan.planId() + " as the hub proposed it, and merge it"
            + " with a merge commit"));
      } else if (e.accepted() && !e.rolesMet().isEmpty()) {
        e.rolesMet().forEach(role -> seen.add(new StoredApproval(plan.planId(), e.commit(), e.by(),
            Optional.of(role), e.kind().name(), e.at(), Optional.empty(), Optional.empty(), e.keyFingerprint())));
      } else {
        seen.add(new StoredApproval(plan.planId(), e.commit(), e.by(), e.claimedRole(), e.kind().name(), e.at(),
            e.refusal().or(() -> Optional.of(e.by() + " holds none of the roles this plan needs")),
            e.refusalReason().map(Enum::name).or(() -> Optional.of("HOLDS_NO_ROLE")), e.keyFingerprint()));
      }
    }));
    return seen;
  }

  private static StoredApproval refused(PlanOnBranch plan, ApprovalEvidence e, String reason, String message) {
    return new StoredApproval(plan.planId(), e.commit(), e.by(), e.claimedRole(), e.kind().name(), e.at(),
        Optional.of(message), Optional.of(reason), e.keyFingerprint());
  }

  private static String abbreviate(String commit) {
    return commit.length() > 7 ? commit.substring(0, 7) : commit;
  }

  /** Accepted approvals as the planner takes them: one per role met. */
  static Map<String, List<Approval>> accepted(Map<String, List<StoredApproval>> approvals) {
    Map<String, List<Approval>> byPlan = new HashMap<>();
    approvals.forEach((planId, list) -> byPlan.put(planId, list.stream().filter(StoredApproval::accepted)
        .map(a -> new Approval(a.by(), a.role(), Optional.of(a.at()))).toList()));
    return byPlan;
  }
}
