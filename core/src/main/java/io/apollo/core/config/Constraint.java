package io.apollo.core.config;

import java.util.Objects;

/** A constraint ({@code kind: Constraint}): one rule over the entities its selector picks. */
public record Constraint(Metadata metadata, Selector selector, ConstraintRule rule, Origin origin) {
  public Constraint {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(origin, "origin");
  }

  public String name() {
    return metadata.name();
  }
}
