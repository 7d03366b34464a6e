package io.apollo.core.report;

import java.util.Optional;

/** What a spoke's health check says of an entity, worst last. */
public enum Health {
  /** Checks pass. */
  HEALTHY,
  /** Not checked yet, or the check could not run. */
  UNKNOWN,
  /** Checks fail. */
  UNHEALTHY;

  /** True when this is worse than {@code other}. */
  public boolean isWorseThan(Health other) {
    return ordinal() > other.ordinal();
  }

  public static Optional<Health> fromWireName(String name) {
    try {
      return Optional.of(valueOf(name));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
