package io.apollo.reconciler.hub;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hub as {@link HubScaleBenchmark} runs it: a child process ({@link HubProcess}) with the JVM as an operator
 * runs it ({@code -Xmx256m}, default compilers and collector), its pass summaries logged at debug level (quiet
 * passes too) to a file. {@code -Dhub.bench.jfr=FILE} records a JFR profile of it.
 */
final class BenchHub {
  private BenchHub() {}

  static HubProcess start(Path log, List<String> args) throws Exception {
    List<String> options = new ArrayList<>(List.of("-Xmx256m",
        "-Dorg.slf4j.simpleLogger.log.io.apollo.reconciler.loop.Reconciler=debug",
        "-Dorg.slf4j.simpleLogger.showDateTime=true"));
    Optional.ofNullable(System.getProperty("hub.bench.jfr")).ifPresent(file ->
        options.add("-XX:StartFlightRecording=filename=" + file + ",settings=profile,dumponexit=true"));
    return HubProcess.start(log, options, args, 120);
  }
}
