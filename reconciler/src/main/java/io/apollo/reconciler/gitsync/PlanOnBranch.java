package io.apollo.reconciler.gitsync;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plan file found on the governed branch: its path, the commit that added it, its text as committed there now,
 * every approval git records for it, accepted or refused, and its text as each commit of its history left it
 * ({@code contentAt}, by commit id: the adding commit and every later first-parent commit that changed it), so that
 * an approval is judged against the file its approver saw.
 */
public record PlanOnBranch(String planId, String path, String addedBy, String addedInCommit, String content,
    List<ApprovalEvidence> approvals, Map<String, String> contentAt) {
  public PlanOnBranch {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(addedBy, "addedBy");
    Objects.requireNonNull(addedInCommit, "addedInCommit");
    Objects.requireNonNull(content, "content");
    approvals = List.copyOf(approvals);
    contentAt = Map.copyOf(contentAt);
  }

  /** A file never changed since it was added: its text at the adding commit is its text now. */
  public PlanOnBranch(String planId, String path, String addedBy, String addedInCommit, String content,
      List<ApprovalEvidence> approvals) {
    this(planId, path, addedBy, addedInCommit, content, approvals, Map.of(addedInCommit, content));
  }

  /** The file's text as {@code commit} left it; its text now for a commit not in its history. */
  public String contentAt(String commit) {
    return contentAt.getOrDefault(commit, content);
  }
}
