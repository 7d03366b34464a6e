package io.apollo.core.plan;

import java.util.Optional;

/** Where a plan is in its life. Wire names are the constant names (upper case). */
public enum PlanState {
  /** A constraint is violated now; the plan lists every violation and when each could lift. */
  BLOCKED,
  /** Constraints hold but required roles have not all approved yet. */
  PENDING,
  /** Constraints hold and every required role has approved: ready to dispatch. */
  APPROVED,
  /** Handed to the spoke; not yet reported as started. */
  DISPATCHED,
  /** The spoke reports it is running the plan. */
  RUNNING,
  /** The spoke ran it and the entity is at the target. Terminal. */
  SUCCEEDED,
  /** The spoke ran it and it failed. Terminal. */
  FAILED,
  /** Cancelled by a person. Terminal. */
  CANCELLED,
  /** Desired state no longer wants it. Terminal. */
  SUPERSEDED;

  /** True for states a plan never leaves. */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == SUPERSEDED;
  }

  public static Optional<PlanState> fromWireName(String name) {
    try {
      return Optional.of(valueOf(name));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
