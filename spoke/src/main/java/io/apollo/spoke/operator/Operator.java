package io.apollo.spoke.operator;

import io.apollo.core.config.EntityId;
import io.apollo.core.wire.PlanMessage;

/**
 * Runs plans for one product type. Every method blocks (processes, files, network): the agent calls it from a
 * worker or virtual thread, never an event loop, and never runs two plans of one entity at once.
 *
 * <p>Contract for recovery: after a crash the agent calls {@link #observe} and decides from what it says; so an
 * operator keeps its own record on disk of what it installed, and {@code observe} tells the truth about the host
 * (a process that died is reported as such).
 */
public interface Operator {

  /**
   * Carries out {@code plan} to the end: install, upgrade, rollback, uninstall or config update. Never throws for a
   * failure of the plan itself (a bad checksum, a service that does not come up): that is a failed
   * {@link OperatorResult} whose message says why, with the version that was running left running where it can be.
   */
  OperatorResult run(PlanMessage plan);

  /** What is installed for {@code entity} on this host now, and its health, from a fresh check. */
  Observation observe(EntityId entity);
}
