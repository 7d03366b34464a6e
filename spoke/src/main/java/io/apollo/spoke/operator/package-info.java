/**
 * Operators: what turns a plan into processes or helm releases on this host (DESIGN.md section 6). One
 * {@link io.apollo.spoke.operator.Operator} per product type; the agent picks one by the plan's {@code productType}
 * and never knows how it works.
 */
package io.apollo.spoke.operator;
