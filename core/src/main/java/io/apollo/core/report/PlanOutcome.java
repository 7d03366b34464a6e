package io.apollo.core.report;

import java.util.Optional;

/** What became of the last plan a spoke took for an entity. */
public enum PlanOutcome {
  /** The spoke is running it now. */
  RUNNING,
  /** It finished and the entity is at its target. */
  SUCCEEDED,
  /** It failed; the entity may be left at its old version or broken. */
  FAILED;

  public static Optional<PlanOutcome> fromWireName(String name) {
    try {
      return Optional.of(valueOf(name));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
