package io.apollo.core.config;

import java.util.Objects;

/** A recalled (deprecated) release: never a target again, and entities running it move off it. */
public record Recall(String reason) {
  public Recall {
    Objects.requireNonNull(reason, "reason");
  }
}
