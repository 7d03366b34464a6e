/**
 * Entity lifecycle: the states of the seed's table, the legal moves between them ({@link
 * io.apollo.core.report.EntityStateMachine}, with a named {@link io.apollo.core.entity.EntityTrigger} per move), and
 * the state an entity is in given what its spoke reports and the plan the hub holds for it ({@link
 * io.apollo.core.report.EntityStates}).
 */
package io.apollo.core.entity;
