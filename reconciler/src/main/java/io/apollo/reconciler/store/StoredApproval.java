package io.apollo.reconciler.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One approval the hub has seen in git for a plan, accepted or refused ({@code refusal} says why in words,
 * {@code refusalReason} for machines, such as {@code NOT_COMMIT_AUTHOR}), and {@code keyFingerprint}, the
 * fingerprint of the key whose verified signature gave it ({@code SHA256:...}), when one did. Kept so that a
 * restarted hub forgets no approval even if the plan file later changes on main.
 */
public record StoredApproval(String planId, String commit, String by, Optional<String> role, String kind,
    Instant at, Optional<String> refusal, Optional<String> refusalReason, Optional<String> keyFingerprint) {
  public StoredApproval {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(refusalReason, "refusalReason");
    Objects.requireNonNull(keyFingerprint, "keyFingerprint");
  }

  /** An approval no signature gave. */
  public StoredApproval(String planId, String commit, String by, Optional<String> role, String kind, Instant at,
      Optional<String> refusal, Optional<String> refusalReason) {
    this(planId, commit, by, role, kind, at, refusal, refusalReason, Optional.empty());
  }

  public boolean accepted() {
    return refusal.isEmpty();
  }
}
