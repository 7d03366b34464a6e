package io.apollo.core.entity;

import io.apollo.core.report.EntityState;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanState;
import io.apollo.core.config.PlanType;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.Health;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The state an entity is in, from what its spoke last reported and the plan the hub holds for it. The spoke is the
 * truth for what runs; the plan only tells a waiting or starting change apart. This is a snapshot: an observer that
 * samples it now and then may see a jump (RUNNING to INSTALLING) where the entity passed quickly through PENDING.
 */
public final class EntityStates {
  /** Plans made but not yet begun on the spoke. */
  private static final Set<PlanState> NOT_STARTED =
      EnumSet.of(PlanState.BLOCKED, PlanState.PENDING, PlanState.APPROVED, PlanState.DISPATCHED);

  private EntityStates() {}

  /**
   * In order: report INSTALLING or plan RUNNING → INSTALLING; report FAILED → FAILED (PENDING once a plan, such as the
   * rollback, is handed to the spoke); nothing installed → PENDING while a plan waits, else UNMANAGED (without a
   * report, a finished plan's outcome stands in: SUCCEEDED → RUNNING, FAILED → FAILED); something installed → PENDING
   * once a plan is handed to the spoke (a plan that merely waits, blocked or unapproved, does not hide what runs),
   * else health decides: UNHEALTHY → DEGRADED, HEALTHY → RUNNING, UNKNOWN → as reported (RUNNING unless DEGRADED).
   */
  public static EntityState derive(Optional<EntityReport> report, Optional<Plan> plan) {
    Optional<EntityState> reported = report.map(EntityReport::state);
    Optional<PlanState> planState = plan.map(Plan::state);
    boolean waiting = planState.filter(NOT_STARTED::contains).isPresent();
    boolean handedOver = planState.filter(s -> s == PlanState.DISPATCHED).isPresent();

    if (reported.filter(s -> s == EntityState.INSTALLING).isPresent()
        || planState.filter(s -> s == PlanState.RUNNING).isPresent()) {
      return EntityState.INSTALLING;
    }
    if (reported.filter(s -> s == EntityState.FAILED).isPresent()) {
      return handedOver ? EntityState.PENDING : EntityState.FAILED;
    }
    if (report.isEmpty() || !report.get().isInstalled()) {
      if (waiting || reported.filter(s -> s == EntityState.PENDING).isPresent()) {
        return EntityState.PENDING;
      }
      return report.isEmpty() ? fromOutcome(plan) : EntityState.UNMANAGED;
    }
    if (handedOver || reported.get() == EntityState.PENDING) {
      return EntityState.PENDING;
    }
    Health health = report.get().health();
    if (health == Health.UNHEALTHY) {
      return EntityState.DEGRADED;
    }
    if (health == Health.HEALTHY) {
      return EntityState.RUNNING;
    }
    return reported.get() == EntityState.DEGRADED ? EntityState.DEGRADED : EntityState.RUNNING;
  }

  /** Without a report, what a finished plan says; an uninstall that succeeded leaves nothing managed. */
  private static EntityState fromOutcome(Optional<Plan> plan) {
    if (plan.isEmpty()) {
      return EntityState.UNMANAGED;
    }
    return switch (plan.get().state()) {
      case SUCCEEDED -> plan.get().type() == PlanType.UNINSTALL ? EntityState.UNMANAGED : EntityState.RUNNING;
      case FAILED -> EntityState.FAILED;
      default -> EntityState.UNMANAGED;
    };
  }
}
