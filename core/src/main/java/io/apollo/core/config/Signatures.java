package io.apollo.core.config;

import java.util.Locale;
import java.util.Optional;

/** Whether approvals must be signed ({@code ApprovalPolicy.spec.signatures}). */
public enum Signatures {
  /** An approval counts only when its commit carries a valid signature by a key of the member it names. */
  REQUIRED,
  /** Approvals are judged by commit author as before; a valid signature by a member's key is recorded. */
  OPTIONAL;

  /** The name as the config format writes it: {@code required}, {@code optional}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Signatures> fromWireName(String text) {
    for (Signatures s : values()) {
      if (s.wireName().equals(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
