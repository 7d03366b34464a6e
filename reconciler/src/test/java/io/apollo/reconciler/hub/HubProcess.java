package io.apollo.reconciler.hub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A hub as a child process ({@link HubMain} on this JVM's classpath), found by the line it prints once it listens.
 * Its log goes to a file beside its data folder. {@link #kill()} is {@code kill -9}; {@link #close()} stops it
 * gently, then forcibly: no test leaves a hub behind.
 */
final class HubProcess implements AutoCloseable {
  private static final String LISTENING = "apollo hub: listening on ";

  private final Process process;
  private final String url;

  private HubProcess(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  static HubProcess start(Path log, List<String> args) throws Exception {
    // C1 only and the serial collector: a hub in a test starts in a fraction of the CPU time, which matters when
    // a test starts twenty of them on a busy machine.
    return start(log, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"), args, 60);
  }

  /**
   * A hub run with {@code jvmOptions} (such as {@code -Xmx256m}), given {@code listenSeconds} to start listening
   * (a hub loading a large fleet first needs longer).
   */
  static HubProcess start(Path log, List<String> jvmOptions, List<String> args, int listenSeconds)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString()));
    command.addAll(jvmOptions);
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
      }).get(listenSeconds, TimeUnit.SECONDS);
      return new HubProcess(process, url);
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

  /** {@code kill -9}: nothing of the hub runs after this returns. */
  void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
