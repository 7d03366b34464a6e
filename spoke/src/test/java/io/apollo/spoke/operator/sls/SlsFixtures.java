package io.apollo.spoke.operator.sls;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.ConfigDigest;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.PlanType;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.ProductType;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.core.wire.PlanMessage.WireArtifact;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the sls integration tests share: real distributions built by scripts/sls-dist (once per JVM), plans, HTTP
 * calls to the running service, and the clean-up that leaves no service process behind.
 */
final class SlsFixtures {
  static final EntityId ENTITY = new EntityId("test", "catalog");
  static final ProductId PRODUCT = new ProductId("com.example", "catalog");
  private static final Map<String, Dist> BUILT = new ConcurrentHashMap<>();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** A distribution on disk and its checksum. */
  record Dist(Path tgz, String sha256) {
    String uri() {
      return tgz.toUri().toString();
    }
  }

  private SlsFixtures() {}

  static Path repoRoot() {
    Path module = Path.of("").toAbsolutePath();
    Path root = Files.exists(module.resolve("scripts/sls-dist")) ? module : module.getParent();
    assertThat(root.resolve("scripts/sls-dist")).as("scripts/sls-dist of the repository").exists();
    return root;
  }

  /**
   * Builds the sample distributions named by {@code specs} ("1.0.0", "1.2.0 --unhealthy") with scripts/sls-dist, in
   * parallel, once per JVM, under the module's target/sls-dists/ (kept for the classes that follow).
   */
  static synchronized void build(String... specs) throws Exception {
    Path shared = Path.of("target/sls-dists").toAbsolutePath();
    List<String> missing = Stream.of(specs).filter(s -> !BUILT.containsKey(s)).toList();
    List<Path> outputs = new ArrayList<>();
    List<Process> running = new ArrayList<>();
    for (int i = 0; i < missing.size(); i++) {
      String spec = missing.get(i);
      Path dir = shared.resolve(spec.replace(' ', '_'));
      if (Files.exists(dir)) {
        deleteTree(dir);
      }
      Files.createDirectories(dir);
      List<String> cmd = new ArrayList<>(List.of(repoRoot().resolve("scripts/sls-dist").toString(),
          "--group", PRODUCT.group(), "--name", PRODUCT.artifact(), "--out", dir.toString(), "--version"));
      cmd.addAll(List.of(spec.split(" ")));
      Path output = dir.resolve("sls-dist.out");
      outputs.add(output);
      ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
      // One compiled service jar for all: the first build compiles it alone, the others reuse it, in parallel.
      builder.environment().put("SLS_DIST_CACHE", shared.resolve(".jar-cache").toString());
      running.add(builder.start());
      if (i == 0) {
        awaitBuilt(running.get(0), spec, output);
      }
    }
    for (int i = 0; i < missing.size(); i++) {
      awaitBuilt(running.get(i), missing.get(i), outputs.get(i));
      String[] printed = Files.readString(outputs.get(i)).strip().split("\\s+");
      Path tgz = Path.of(printed[printed.length - 2]);
      String sha = printed[printed.length - 1];
      assertThat(TestArchives.sha256(Files.readAllBytes(tgz))).as("the sha256 sls-dist printed").isEqualTo(sha);
      BUILT.put(missing.get(i), new Dist(tgz, sha));
    }
  }

  private static void awaitBuilt(Process p, String spec, Path output) throws Exception {
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("scripts/sls-dist " + spec + " finished").isTrue();
    assertThat(p.exitValue()).as("scripts/sls-dist " + spec + ": " + Files.readString(output)).isZero();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  static Dist dist(String spec) {
    return BUILT.get(spec);
  }

  static PlanMessage plan(PlanType type, String from, String to, Map<String, Object> config, Dist dist) {
    return plan(type, from, to, config, dist == null ? null : dist.uri(), dist == null ? null : dist.sha256());
  }

  static PlanMessage plan(PlanType type, String from, String to, Map<String, Object> config, String uri, String sha) {
    return new PlanMessage("plan-" + type.wireName() + "-" + to, ENTITY, PRODUCT, "spoke-1", ProductType.SLS_SERVICE,
        type, Optional.ofNullable(from).map(Version::parse), Optional.ofNullable(to).map(Version::parse),
        ConfigDigest.of(config), config,
        uri == null ? Optional.empty()
            : Optional.of(new WireArtifact(uri, Optional.ofNullable(sha), Optional.empty())));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The body of {@code GET http://127.0.0.1:<port><path>}, or empty when nothing answers there. */
  static Optional<String> get(int port, String path) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return Optional.of(response.statusCode() + " " + response.body().strip());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The pid in {@code var/run/catalog.pid} of a version folder, when there is one. */
  static Optional<Long> pid(Path work, String version) throws IOException {
    Path file = work.resolve("sls/test/catalog").resolve(version).resolve("var/run/catalog.pid");
    return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).strip())) : Optional.empty();
  }

  /** Alive and not a zombie: a killed service whose parent (init, here) has not reaped it yet is dead. */
  static boolean alive(long pid) {
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
      } catch (IOException e) {
        return false;
      }
    }
    return false;
  }

  /** True once {@code pid} is gone, polling until a deadline (the reaping of a killed process takes a moment). */
  static boolean gone(long pid) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (alive(pid)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }
}
