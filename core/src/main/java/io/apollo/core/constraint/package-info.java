/**
 * Constraints: maintenance windows, suppression windows (freezes) and product dependencies. Each judges a proposed
 * change and returns a {@link io.apollo.core.constraint.Verdict}; all are AND-ed. Windows and health never change a
 * plan's target, they only block it and say until when.
 *
 * <p>{@link io.apollo.core.constraint.ConstraintEvaluator} is the {@link io.apollo.core.constraint.ConstraintCheck}
 * the planner uses: it picks the constraints whose selector matches, judges them all, cheapest first, and prepares
 * each evaluation context once so that a pass over a large fleet stays linear. Window times follow the rules of
 * {@code WindowStarts} on daylight-saving days: a start in the spring-forward gap opens after the gap, a start in the
 * fall-back overlap opens once.
 */
package io.apollo.core.constraint;
