package io.apollo.spoke.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A spoke run as a child process (a main class on this JVM's classpath), as an operator runs one: started
 * with flags, ready when it prints its URL, stoppable with {@code kill -9}.
 */
public final class SpokeProcess implements AutoCloseable {
  private final Process process;
  private final String url;
  private final List<String> lines;

  private SpokeProcess(Process process, String url, List<String> lines) {
    this.process = process;
    this.url = url;
    this.lines = lines;
  }

  /** Starts {@link TestSpokeMain} (the file-backed stand-in operator). */
  public static SpokeProcess start(Path log, String... flags) throws IOException {
    return start(TestSpokeMain.class, log, flags);
  }

  /** Starts {@code main} ({@link io.apollo.spoke.SpokeMain} for the real operators) with {@code flags}. */
  public static SpokeProcess start(Class<?> main, Path log, String... flags) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        main.getName()));
    command.addAll(List.of(flags));
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    CompletableFuture<String> ready = new CompletableFuture<>();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread.ofVirtual().start(() -> {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      try {
        String line;
        while ((line = out.readLine()) != null) {
          lines.add(line);
          if (line.startsWith("apollo spoke: listening on ")) {
            ready.complete(line.substring("apollo spoke: listening on ".length()).strip());
          }
        }
      } catch (IOException e) {
        // the child is gone
      }
      ready.complete(null);
    });
    try {
      String url = ready.get(90, TimeUnit.SECONDS);
      if (url == null) {
        throw new IllegalStateException("exited before listening");
      }
      return new SpokeProcess(process, url, lines);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the spoke process did not start (" + e + "); its stderr: "
          + Files.readString(log), e);
    }
  }

  /** Every line the spoke printed on stdout so far. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  public String url() {
    return url;
  }

  /** {@code kill -9}: the JVM gets no chance to finish anything. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
