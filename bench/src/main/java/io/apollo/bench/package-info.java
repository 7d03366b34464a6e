/**
 * Benchmarks of Apollo's hot paths, run with JMH (see docs/benchmarks.md for the command and the figures), and the
 * generator of the synthetic fleets they run on.
 */
package io.apollo.bench;
