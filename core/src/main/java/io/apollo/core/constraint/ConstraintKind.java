package io.apollo.core.constraint;

/** The kind of a constraint rule; also the machine {@code kind} of every violation. */
public enum ConstraintKind {
  /** Plans run only while a cron-started window is open. */
  MAINTENANCE_WINDOW("maintenanceWindow"),
  /** No plan runs during a freeze. */
  SUPPRESSION_WINDOW("suppressionWindow"),
  /** The target's product dependencies must be met, and dependents must stay in range. */
  DEPENDENCY("dependency"),
  /** The target release must first have run healthy for a bake time on the source entities. */
  PROMOTION("promotion");

  private final String wireName;

  ConstraintKind(String wireName) {
    this.wireName = wireName;
  }

  /** As in YAML and JSON output: {@code maintenanceWindow}, {@code suppressionWindow}, {@code dependency},
   * {@code promotion}. */
  public String wireName() {
    return wireName;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
