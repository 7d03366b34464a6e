package io.apollo.spoke.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real SLS distributions of the sample HTTP service (com.example:catalog), built by the repository's
 * {@code scripts/sls-dist} once per JVM under {@code target/agent-dists/}; and the clean-up that leaves no service
 * process behind.
 */
public final class SampleDists {
  private static final Map<String, Dist> BUILT = new ConcurrentHashMap<>();

  private SampleDists() {}

  /** A distribution on disk and its checksum. */
  public record Dist(Path tgz, String sha256) {
    public String uri() {
      return tgz.toUri().toString();
    }
  }

  /** Builds each of {@code specs} ("1.0.0", "1.2.0 --start-delay 30") not built yet, in parallel. */
  public static synchronized void build(String... specs) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    Path repo = Files.exists(root.resolve("scripts/sls-dist")) ? root : root.getParent();
    Path script = repo.resolve("scripts/sls-dist");
    List<String> missing = Stream.of(specs).filter(s -> !BUILT.containsKey(s)).toList();
    Path shared = Path.of("target/agent-dists").toAbsolutePath();
    List<Process> running = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    for (int i = 0; i < missing.size(); i++) {
      String spec = missing.get(i);
      Path dir = shared.resolve(spec.replace(' ', '_'));
      deleteTree(dir);
      Files.createDirectories(dir);
      List<String> command = new ArrayList<>(List.of(script.toString(), "--group", "com.example", "--name", "catalog",
          "--out", dir.toString(), "--version"));
      command.addAll(List.of(spec.split(" ")));
      Path output = dir.resolve("sls-dist.out");
      outputs.add(output);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      // One compiled service jar for all: the first build compiles it alone, the others reuse it, in parallel.
      builder.environment().put("SLS_DIST_CACHE", shared.resolve(".jar-cache").toString());
      running.add(builder.start());
      if (i == 0) {
        awaitBuilt(spec, running.getFirst(), output);
      }
    }
    for (int i = 1; i < missing.size(); i++) {
      awaitBuilt(missing.get(i), running.get(i), outputs.get(i));
    }
  }

  private static void awaitBuilt(String spec, Process p, Path output) throws Exception {
    if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("scripts/sls-dist " + spec + " failed: " + Files.readString(output));
    }
    String[] printed = Files.readString(output).strip().split("\\s+");
    BUILT.put(spec, new Dist(Path.of(printed[printed.length - 2]), printed[printed.length - 1]));
  }

  public static Dist dist(String spec) {
    Dist d = BUILT.get(spec);
    if (d == null) {
      throw new IllegalStateException("distribution " + spec + " was not built; call build first");
    }
    return d;
  }

  /** Kills every process a pidfile under {@code work} names, with its children. */
  public static void killServices(Path work) throws IOException {
    if (!Files.exists(work)) {
      return;
    }
    try (Stream<Path> files = Files.walk(work)) {
      for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
        try {
          long pid = Long.parseLong(Files.readString(pidFile).strip());
          ProcessHandle.of(pid).ifPresent(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.onExit().completeOnTimeout(p, 5, TimeUnit.SECONDS).join();
          });
        } catch (NumberFormatException | IOException e) {
          // not a pidfile of a service: nothing to kill
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
