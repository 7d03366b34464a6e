package io.apollo.reconciler.hub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A hub as a child process for {@link HubScaleBenchmark}: the JVM as an operator runs it ({@code -Xmx256m}, default
 * compilers and collector), its pass summaries logged at debug level (quiet passes too) to a file.
 * {@code -Dhub.bench.jfr=FILE} records a JFR profile of it. {@link #close()} stops it: no hub is left behind.
 */
final class BenchHub implements AutoCloseable {
  private static final String LISTENING = "apollo hub: listening on ";

  private final Process process;
  private final String url;

  private BenchHub(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  static BenchHub start(Path log, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx256m", "-Dorg.slf4j.simpleLogger.log.io.apollo.reconciler.loop.Reconciler=debug",
        "-Dorg.slf4j.simpleLogger.showDateTime=true"));
    Optional.ofNullable(System.getProperty("hub.bench.jfr")).ifPresent(file ->
        command.add("-XX:StartFlightRecording=filename=" + file + ",settings=profile,dumponexit=true"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), HubMain.class.getName()));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
      String url = CompletableFuture.supplyAsync(() -> {
        try {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(LISTENING)) {
              return line.substring(LISTENING.length()).strip();
            }
          }
          throw new IllegalStateException("the hub exited before listening; see " + log);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).get(120, TimeUnit.SECONDS);
      return new BenchHub(process, url);
    } catch (Exception e) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw e;
    }
  }

  String url() {
    return url;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
      }
    }
  }
}
