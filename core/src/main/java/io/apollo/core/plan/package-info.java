/**
 * Planning: from desired state, reported state and the time, at most one plan per entity, with its type, target,
 * constraint verdicts, required roles and state. Pure.
 */
package io.apollo.core.plan;
