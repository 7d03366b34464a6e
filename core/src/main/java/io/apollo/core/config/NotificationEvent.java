package io.apollo.core.config;

import java.util.Arrays;
import java.util.Optional;

/** What a {@code Notification} may be sent for: one event per transition, never one per reconcile pass. */
public enum NotificationEvent {
  /** A plan needs approval and was proposed as a branch; the event names its missing roles. */
  PLAN_PROPOSED("plan.proposed"),
  /** A plan is held by constraints; the event names every violation and {@code unblocksAt}. */
  PLAN_BLOCKED("plan.blocked"),
  /** A plan has every approval it needs and no violation. */
  PLAN_APPROVED("plan.approved"),
  /** A plan was handed to its spoke. */
  PLAN_DISPATCHED("plan.dispatched"),
  /** A plan ran to success on its spoke (a rollback plan's success is {@link #PLAN_ROLLED_BACK} instead). */
  PLAN_SUCCEEDED("plan.succeeded"),
  /** A plan failed on its spoke. */
  PLAN_FAILED("plan.failed"),
  /** A rollback plan ran to success: the entity is back on its last healthy version. */
  PLAN_ROLLED_BACK("plan.rolled_back"),
  /** A running entity's spoke reported it unhealthy (RUNNING to DEGRADED). */
  ENTITY_DEGRADED("entity.degraded"),
  /** A rollout was halted by its health gate. */
  ROLLOUT_HALTED("rollout.halted");

  private final String wireName;

  NotificationEvent(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<NotificationEvent> fromWireName(String name) {
    return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
