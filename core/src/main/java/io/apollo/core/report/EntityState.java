package io.apollo.core.report;

import java.util.Optional;

/** Where an entity is in its life, as the seed's state table defines. Wire names are the constant names. */
public enum EntityState {
  /** Known to Apollo but not yet registered for deployment (nothing planned, nothing reported). */
  UNMANAGED,
  /** Registered; a plan for it exists but has not begun. */
  PENDING,
  /** The spoke is running an install, upgrade or rollback for it. */
  INSTALLING,
  /** Running and healthy. */
  RUNNING,
  /** Running but its health checks fail. */
  DEGRADED,
  /** An install failed, or a running entity hit a fatal error. */
  FAILED;

  public static Optional<EntityState> fromWireName(String name) {
    try {
      return Optional.of(valueOf(name));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
