package io.apollo.core.rollout;

/** Why a canary halts a rollout. */
public enum HaltReason {
  /** The canary's install or upgrade to the release failed (it never passed its health check, or did not start). */
  CANARY_FAILED,
  /** The canary runs the release but its health checks fail (DEGRADED). */
  CANARY_DEGRADED
}
