package io.apollo.reconciler.gitsync;

/** Why git-recorded approval counts for nothing: the machine reason beside {@link ApprovalEvidence#refusal()}. */
public enum RefusalReason {
  /** An approvals entry's {@code by} is not the author of the commit that added it (someone wrote it for another). */
  NOT_COMMIT_AUTHOR,
  /** The approver was not a member of the role the entry names, as the branch stood before the approving commit. */
  NOT_A_MEMBER,
  /** An entry that names no role, by someone who held no role before the approving commit. */
  HOLDS_NO_ROLE,
  /** An entry committed by the hub's own identity: only people approve. */
  COMMITTED_BY_HUB,
  /** Refused for a reason given only in words (evidence built without a machine reason). */
  OTHER
}
