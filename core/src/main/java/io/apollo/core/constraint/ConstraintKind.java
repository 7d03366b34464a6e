package io.apollo.core.constraint;

/** The kind of a constraint rule; also the machine {@code kind} of every violation. */
public enum ConstraintKind {
  /** Plans run only while a cron-started window is open. */
  MAINTENANCE_WINDOW("maintenanceWindow"),
  /** No plan runs during a freeze. */
  SUPPRESSION_WINDOW("suppressionWindow"),
  /** The target's product dependencies must be met, and dependents must stay in range. */
  DEPENDENCY("dependency");

  private final String wireName;

  ConstraintKind(String wireName) {
    this.wireName = wireName;
  }

  /** As in YAML and JSON output: {@code maintenanceWindow}, {@code suppressionWindow}, {@code dependency}. */
  public String wireName() {
    return wireName;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
