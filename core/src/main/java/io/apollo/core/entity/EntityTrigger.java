package io.apollo.core.entity;

import io.apollo.core.report.EntityState;
/**
 * Why an entity moves from one state to another: one constant per legal move of {@link EntityStateMachine}, each
 * naming its {@link #from()} and {@link #to()} state. The first seven are the seed's table; the last four are the
 * day-2 moves that table leaves out.
 */
public enum EntityTrigger {
  /** The entity is registered in desired state and a first plan is made for it. */
  REGISTERED(EntityState.UNMANAGED, EntityState.PENDING),
  /** The spoke begins to execute the plan. */
  PLAN_STARTED(EntityState.PENDING, EntityState.INSTALLING),
  /** The install, upgrade or rollback succeeded. */
  INSTALL_SUCCEEDED(EntityState.INSTALLING, EntityState.RUNNING),
  /** The install, upgrade or rollback failed. */
  INSTALL_FAILED(EntityState.INSTALLING, EntityState.FAILED),
  /** Health checks started failing. */
  HEALTH_FAILING(EntityState.RUNNING, EntityState.DEGRADED),
  /** Health checks pass again. */
  HEALTH_RECOVERED(EntityState.DEGRADED, EntityState.RUNNING),
  /** A running entity hit a fatal error (crashed, will not start). */
  FATAL_ERROR(EntityState.RUNNING, EntityState.FAILED),
  /** Day 2: a new plan (upgrade, config update, rollback, uninstall) is taken up for a running entity. */
  NEW_PLAN_WHILE_RUNNING(EntityState.RUNNING, EntityState.PENDING),
  /** Day 2: a new plan is taken up for a degraded entity, typically the fix. */
  NEW_PLAN_WHILE_DEGRADED(EntityState.DEGRADED, EntityState.PENDING),
  /** Day 2: a new plan is taken up for a failed entity, such as the automatic rollback. */
  NEW_PLAN_AFTER_FAILURE(EntityState.FAILED, EntityState.PENDING),
  /** Day 2: a degraded entity hit a fatal error. */
  FATAL_ERROR_WHILE_DEGRADED(EntityState.DEGRADED, EntityState.FAILED);

  private final EntityState from;
  private final EntityState to;

  EntityTrigger(EntityState from, EntityState to) {
    this.from = from;
    this.to = to;
  }

  public EntityState from() {
    return from;
  }

  public EntityState to() {
    return to;
  }
}
