package io.apollo.reconciler.gitsync;

import java.util.List;
import java.util.Objects;

/**
 * A plan file found on the governed branch: its path, the commit that added it, its text as committed there now,
 * and every approval git records for it, accepted or refused.
 */
public record PlanOnBranch(String planId, String path, String addedBy, String addedInCommit, String content,
    List<ApprovalEvidence> approvals) {
  public PlanOnBranch {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(addedBy, "addedBy");
    Objects.requireNonNull(addedInCommit, "addedInCommit");
    Objects.requireNonNull(content, "content");
    approvals = List.copyOf(approvals);
  }
}
