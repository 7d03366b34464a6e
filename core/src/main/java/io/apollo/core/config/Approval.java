package io.apollo.core.config;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One approval of a plan: who, for which role (empty = every role they hold), when. */
public record Approval(String by, Optional<String> role, Optional<Instant> at) {
  public Approval {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(at, "at");
  }
}
