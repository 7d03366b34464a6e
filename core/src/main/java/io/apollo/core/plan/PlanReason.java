package io.apollo.core.plan;

/** Why a plan exists: the machine reason beside {@link Plan#message()}. */
public enum PlanReason {
  /** Nothing runs yet: install the target. */
  NOT_INSTALLED,
  /** The pinned version differs from the version that runs. */
  PIN_CHANGED,
  /** A newer eligible release is on the channel the entity follows. */
  NEWER_RELEASE,
  /** The running release is recalled: move off it (forward when a newer release is eligible, else back). */
  RECALLED_RUNNING,
  /** Same version, but the config that runs differs from the desired config. */
  CONFIG_CHANGED,
  /** The entity is {@code state: absent} and still installed. */
  ABSENT,
  /** The entity FAILED: return it to the last version that ran healthy. */
  AUTO_ROLLBACK
}
