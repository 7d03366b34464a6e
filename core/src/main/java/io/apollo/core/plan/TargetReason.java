package io.apollo.core.plan;

/** How an entity's target was chosen, or why it has none. */
public enum TargetReason {
  /** The entity is pinned to this version. */
  PINNED(true),
  /** The newest eligible release on the channel the entity follows. */
  NEWEST_ON_CHANNEL(true),
  /** A follower keeps the version it runs: nothing eligible is newer, and it never goes below what it runs. */
  KEEPS_RUNNING(true),
  /** The running release is recalled: the newest eligible release, which is newer than it. */
  ROLL_FORWARD_FROM_RECALLED(true),
  /** The running release is recalled and nothing newer is eligible: the newest older eligible release. */
  ROLL_BACK_FROM_RECALLED(true),
  /** {@code state: absent}: nothing should run. */
  ABSENT(false),
  /** The pinned version's release is recalled, and a recalled release is never a target. */
  PIN_RECALLED(false),
  /** The pinned version's release is held in the entity's environment: no target until the hold is lifted. */
  PIN_HELD(false),
  /** The pinned version is not a release of the product in desired state. */
  PIN_UNKNOWN(false),
  /** No release on the followed channel is eligible (the skipped releases say why). */
  NO_ELIGIBLE_RELEASE(false),
  /** The definition is invalid: the entity is left alone. */
  DEFINITION_INVALID(false),
  /** A spoke reports the entity but desired state does not define it. */
  NOT_DESIRED(false);

  private final boolean hasVersion;

  TargetReason(boolean hasVersion) {
    this.hasVersion = hasVersion;
  }

  /** True when a target with this reason names a version. */
  public boolean hasVersion() {
    return hasVersion;
  }
}
