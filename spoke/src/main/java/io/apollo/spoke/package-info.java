/**
 * The spoke agent (DESIGN.md sections 5 and 6): a Vert.x 5 service that takes plans (pushed or polled), runs them
 * through its operators (SLS processes, helm), keeps a durable journal so a restart neither repeats nor loses a
 * plan, and reports state and health to the hub as {@link io.apollo.core.report.SpokeReport}s. It depends on core,
 * never on the reconciler: it talks to the hub only over HTTP. {@link io.apollo.spoke.SpokeAgent} wires the parts;
 * {@link io.apollo.spoke.SpokeMain} runs one as a process.
 */
package io.apollo.spoke;
