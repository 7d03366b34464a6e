/**
 * Running plans: one ordered lane per entity ({@link io.apollo.spoke.run.PlanRunner}), the operator registry, and
 * the resolution at start of plans a restart cut short ({@link io.apollo.spoke.run.Recovery}).
 */
package io.apollo.spoke.run;
