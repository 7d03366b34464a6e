package io.apollo.core.constraint;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one constraint says of one proposed change: satisfied or not, why in words, and (when violated) the earliest
 * instant it could lift, if that can be known (a window's next opening, a freeze's end; never for dependencies).
 */
public record Verdict(
    String constraint, ConstraintKind kind, boolean satisfied, String message, Optional<Instant> unblocksAt) {
  public Verdict {
    Objects.requireNonNull(constraint, "constraint");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(unblocksAt, "unblocksAt");
  }

  public static Verdict satisfied(String constraint, ConstraintKind kind, String message) {
    return new Verdict(constraint, kind, true, message, Optional.empty());
  }

  public static Verdict violated(String constraint, ConstraintKind kind, String message, Optional<Instant> unblocksAt) {
    return new Verdict(constraint, kind, false, message, unblocksAt);
  }

  public boolean violated() {
    return !satisfied;
  }
}
