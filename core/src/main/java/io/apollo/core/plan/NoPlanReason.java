package io.apollo.core.plan;

/** Why an entity has no plan: the machine reason beside {@link NoPlan#message()}. */
public enum NoPlanReason {
  /** What runs is what desired state asks for, config included. */
  IN_SYNC,
  /** The entity's definition (or something it refers to) is invalid: it is left alone, never uninstalled. */
  DEFINITION_INVALID,
  /** A spoke reports the entity but desired state does not define it; deleting a file never uninstalls. */
  NOT_DESIRED,
  /** A plan for the entity is running on its spoke; nothing new is proposed until it finishes. */
  IN_FLIGHT,
  /** The entity is {@code state: absent} and nothing is installed. */
  ALREADY_ABSENT,
  /** No version can be targeted (pin recalled or unknown, no eligible release); the target says why. */
  NO_TARGET,
  /** The entity FAILED and there is nothing healthy to roll back to: a person must act. */
  NEEDS_OPERATOR,
  /** This exact change (same plan id) already ran and failed; it is not proposed again. */
  FAILED_BEFORE
}
