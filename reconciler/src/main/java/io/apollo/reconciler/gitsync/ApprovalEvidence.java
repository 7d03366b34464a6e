package io.apollo.reconciler.gitsync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One approval git records for a plan (DESIGN.md section 4), judged: {@code by} is the commit author's email for a
 * merge, or the entry's {@code by} for a {@code spec.approvals} entry; {@code rolesMet} are the roles it counts for
 * (the roles {@code by} held on the branch as it was before {@code commit}; for an entry, only the role it names).
 * A refused approval counts for nothing and says why in {@code refusal} (words) and {@code refusalReason} (a
 * machine reason); both are present together or absent together. {@code keyFingerprint} is the fingerprint of the
 * member's key that signed {@code commit} ({@code SHA256:...}), when a signature by it verified;
 * {@code proposal} is, when signatures were required, the commit in {@code commit}'s history where the plan file
 * first appeared (the hub's proposal commit, if the approval is bound to it).
 */
public record ApprovalEvidence(
    Kind kind,
    String by,
    Optional<String> claimedRole,
    Set<String> rolesMet,
    String commit,
    Instant at,
    Optional<String> refusal,
    Optional<RefusalReason> refusalReason,
    Optional<String> keyFingerprint,
    Optional<String> proposal) {

  /** How the approval was given. */
  public enum Kind {
    /** The plan's branch was merged (or its file otherwise brought to the branch) by someone other than the hub. */
    MERGE,
    /** An entry appended to the plan file's {@code spec.approvals}. */
    ENTRY
  }

  public ApprovalEvidence {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(claimedRole, "claimedRole");
    rolesMet = Set.copyOf(rolesMet);
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(refusalReason, "refusalReason");
    Objects.requireNonNull(keyFingerprint, "keyFingerprint");
    Objects.requireNonNull(proposal, "proposal");
    if (refusal.isPresent() != refusalReason.isPresent()) {
      throw new IllegalArgumentException("a refusal needs both its words and its reason: " + refusal + " "
          + refusalReason);
    }
  }

  /** The contract's first form, kept for callers that build evidence by hand: a refusal's reason is OTHER. */
  public ApprovalEvidence(Kind kind, String by, Optional<String> claimedRole, Set<String> rolesMet, String commit,
      Instant at, Optional<String> refusal) {
    this(kind, by, claimedRole, rolesMet, commit, at, refusal, refusal.map(r -> RefusalReason.OTHER),
        Optional.empty(), Optional.empty());
  }

  /** An accepted approval. */
  public static ApprovalEvidence accepted(Kind kind, String by, Optional<String> claimedRole, Set<String> rolesMet,
      String commit, Instant at) {
    return new ApprovalEvidence(kind, by, claimedRole, rolesMet, commit, at, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  /** A refused approval: it meets no role. */
  public static ApprovalEvidence refused(Kind kind, String by, Optional<String> claimedRole, String commit,
      Instant at, RefusalReason reason, String refusal) {
    return new ApprovalEvidence(kind, by, claimedRole, Set.of(), commit, at, Optional.of(refusal),
        Optional.of(reason), Optional.empty(), Optional.empty());
  }

  /** This approval, signed by the key with {@code fingerprint}. */
  public ApprovalEvidence signedBy(String fingerprint) {
    return new ApprovalEvidence(kind, by, claimedRole, rolesMet, commit, at, refusal, refusalReason,
        Optional.of(fingerprint), proposal);
  }

  /** This approval, given in a commit whose history starts the plan file at {@code origin}. */
  public ApprovalEvidence from(String origin) {
    return new ApprovalEvidence(kind, by, claimedRole, rolesMet, commit, at, refusal, refusalReason, keyFingerprint,
        Optional.of(origin));
  }

  public boolean accepted() {
    return refusal.isEmpty();
  }
}
