/**
 * The reports benchmark of issue 7 (docs/benchmarks.md, "Reports per second"): {@link
 * io.apollo.reconciler.reportload.ReportBench} starts a real hub on a synthetic fleet and a trivial Vert.x route in
 * JVMs of the same size, and drives both with {@link io.apollo.reconciler.reportload.ReportLoad}, a load generator
 * in its own process. Not tests: their names keep them out of Surefire and Failsafe; {@code scripts/bench-reports}
 * runs them.
 */
package io.apollo.reconciler.reportload;
