package io.apollo.core.plan;

/** Why a channel follower passed over a release newer than its target. */
public enum SkipReason {
  /** The release is recalled: never a target again. */
  RECALLED,
  /** The release is held in the entity's environment (a ReleaseHold, such as after a canary failed on it). */
  HELD,
  /** The release is not on a channel the entity's channel admits. */
  NOT_ON_CHANNEL,
  /** A non-optional product dependency of the release is not met by what the environment runs. */
  DEPENDENCY_UNMET,
  /** The release is older than the version the follower runs, and a follower never goes below what it runs. */
  BELOW_RUNNING
}
