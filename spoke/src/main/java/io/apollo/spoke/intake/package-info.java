/**
 * How plans come in (DESIGN.md section 5): pushed to {@link io.apollo.spoke.intake.PlanApi}'s
 * {@code POST /v1/plans}, or long-polled from the hub by {@link io.apollo.spoke.intake.Poller}; both through the
 * {@link io.apollo.spoke.intake.PlanDesk}, which journals a plan before it is acknowledged and runs each id once.
 */
package io.apollo.spoke.intake;
