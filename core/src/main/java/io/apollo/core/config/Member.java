package io.apollo.core.config;

import java.util.List;
import java.util.Objects;

/** A person in a {@link Role}: the email their commits carry, and optionally the keys that sign them. */
public record Member(String email, List<String> signingKeys) {
  public Member {
    Objects.requireNonNull(email, "email");
    signingKeys = List.copyOf(signingKeys == null ? List.of() : signingKeys);
  }
}
