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
  /** Signatures are required and the approving commit carries none. */
  UNSIGNED,
  /** The approving commit's signature does not verify (changed after signing, copied) or cannot be verified. */
  BAD_SIGNATURE,
  /** A valid signature, by a key the member named does not list in their role (or no member lists). */
  KEY_NOT_OF_MEMBER,
  /** Signatures are required and the signer was not a member of the role on main before the approval landed. */
  NOT_A_MEMBER_THEN,
  /** The plan file, as the approving commit left it, differs from what the hub proposed beyond the approvals. */
  PLAN_EDITED,
  /** The approving commit does not descend from the hub's proposal commit of the plan (a copy, an older proposal). */
  NOT_FROM_PROPOSAL,
  /** A valid SSH signature made for another namespace than {@code git}: a signed file or email, not a commit. */
  WRONG_NAMESPACE,
  /** Refused for a reason given only in words (evidence built without a machine reason). */
  OTHER
}
