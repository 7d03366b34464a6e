/**
 * Constraints: maintenance windows, suppression windows (freezes) and product dependencies. Each judges a proposed
 * change and returns a {@link io.apollo.core.constraint.Verdict}; all are AND-ed. Windows and health never change a
 * plan's target, they only block it and say until when.
 */
package io.apollo.core.constraint;
