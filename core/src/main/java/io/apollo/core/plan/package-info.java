/**
 * Planning (DESIGN.md section 3): from desired state, reported state and the time, at most one plan per entity, with
 * its type, target, constraint verdicts, required roles and state. Pure: no clock, no I/O, same input same output.
 *
 * <p>{@link io.apollo.core.plan.Planner} runs one pass as a short story of separate units: {@code TargetResolver}
 * determines which version should run and why (recording every release it passes over), {@code ActionChooser}
 * chooses the plan type from the target and the report, {@link io.apollo.core.plan.PlanIds} names the change,
 * {@code PlanGate} holds it to the injected {@link io.apollo.core.constraint.ConstraintCheck} and to approval routing,
 * and {@code DependencyOrder} orders the plans. Each entity's outcome is an {@link
 * io.apollo.core.plan.EntityDecision}: a plan, or a {@link io.apollo.core.plan.NoPlan} with a closed reason.
 *
 * <p>Decisions beyond the design text, for the record:
 *
 * <ul>
 *   <li>A FAILED entity whose failed plan left a version running healthy (the spoke restarted the old version) rolls
 *       back to that version, which clears FAILED; it does not go below it, where the failed target would come back
 *       with a new plan id.
 *   <li>A FAILED entity whose last healthy version equals what it runs, or that has none, gets no automatic rollback;
 *       it gets no plan ({@code NEEDS_OPERATOR}) until desired state changes, and then the new change is proposed.
 *   <li>A plan counts as failed when its id is in the caller's failed list or the spoke reports it as its last plan
 *       with outcome FAILED.
 *   <li>An automatic rollback to a last healthy version whose release is recalled, or not in desired state, goes to
 *       the newest eligible release older than that version instead.
 *   <li>{@code state: absent} wins over automatic rollback: an entity being removed is not first repaired.
 *   <li>An uninstall applies no config, so its plan's config digest is {@code ""} and editing an absent entity's
 *       config does not churn its plan id.
 *   <li>A follower that runs a version newer than every eligible release (or any version when none is eligible, if
 *       it is not recalled) keeps it; config drift is still corrected on it.
 *   <li>Dependency order puts a product's plans before the plans whose target release declares a dependency on it
 *       (optional dependencies included, since ordering them costs nothing); uninstalls are not reordered.
 * </ul>
 */
package io.apollo.core.plan;
