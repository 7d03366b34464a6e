/**
 * The spoke agent (DESIGN.md sections 5 and 6): a Vert.x 5 service that takes plans (pushed or polled), runs them
 * through its operators (SLS processes, helm), keeps a durable journal so a restart neither repeats nor loses a
 * plan, and reports state and health to the hub as {@link io.apollo.core.report.SpokeReport}s. Not built yet: this
 * module holds the build rules it must follow (it may depend on core, never on reconciler).
 */
package io.apollo.spoke;
