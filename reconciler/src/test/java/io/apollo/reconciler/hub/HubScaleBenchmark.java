package io.apollo.reconciler.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.constraint.ConstraintEvaluator;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.LoadResult;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.Planner;
import io.apollo.core.plan.PlanningInput;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.report.ReportedState;
import io.apollo.core.version.Version;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub at 10,000 entities (issue 7, "Performance"); figures in docs/benchmarks.md, "The hub at scale". Not part of
 * the test suite (its name matches neither *Test nor *IT). Run it with {@code scripts/bench-hub}, which writes the
 * synthetic fleet (bench/'s {@code SyntheticFleet DIR 10000 gitops}: 1,000 spokes of 10 entities, 13,522 files) and
 * passes its folder as {@code -Dhub.bench.fleet}.
 *
 * <p>The fleet is committed to a bare repository on disk; the real hub runs as a child process ({@link HubMain},
 * {@code -Xmx256m}, the JVM's default compilers and collector) on it; every one of the 1,000 spokes reports, 99 in
 * 100 entities at the version the planner wants and the rest behind, so that planning has real work and a quiet
 * fleet stays quiet. Then, with the git CLI as a person uses it:
 * <ol>
 *   <li>one entity file changed per round (a staging entity's {@code replicas}), committed and pushed, the webhook
 *       posted: the time from the push to the new plan in {@code GET /v1/plans}, and the hub's own breakdown of the
 *       pass (its log line: fetch, list, load, reports, approvals, plan, diff, store, publish, dispatch);</li>
 *   <li>the webhook with nothing new: the pass's time (a fetch that finds nothing new);</li>
 *   <li>the heap after a full collection ({@code jcmd GC.run}, {@code GC.heap_info}).</li>
 * </ol>
 * Prints median, min and max of each (and writes the table to {@code reconciler/target/hub-scale-benchmark.txt}).
 */
class HubScaleBenchmark {
  private static final int ROUNDS = Integer.getInteger("hub.bench.rounds", 20);
  private static final String SECRET = "bench-webhook-secret";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path work;

  @Test
  void hubAtTenThousandEntities() throws Exception {
    Path fleet = Path.of(Optional.ofNullable(System.getProperty("hub.bench.fleet")).orElseThrow(() ->
        new IllegalStateException("give the fleet folder as -Dhub.bench.fleet (scripts/bench-hub does)")));
    // Load the fleet (for the reports) while git takes it in.
    java.util.concurrent.CompletableFuture<LoadResult> loading =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> ConfigLoader.withDefaults().load(fleet));
    Path remote = work.resolve("remote.git");
    Path clone = work.resolve("clone");
    git(work, "init", "-q", "--bare", "-b", "main", remote.toString());
    git(work, "clone", "-q", remote.toString(), clone.toString());
    copyTree(fleet, clone);
    git(clone, "add", "-A");
    commit(clone, "the synthetic fleet");
    git(clone, "push", "-q", "origin", "HEAD:main");

    step("fleet committed and pushed");
    LoadResult loaded = loading.get();
    assertThat(loaded.problems()).as("the synthetic fleet loads cleanly").isEmpty();
    DesiredState desired = loaded.state();
    step("fleet loaded");
    Map<String, List<String>> bySpoke = reportsBySpoke(desired);
    StringBuilder tokens = new StringBuilder();
    bySpoke.keySet().forEach(spoke -> tokens.append(spoke).append(" token-").append(spoke).append('\n'));
    Files.writeString(work.resolve("tokens"), tokens);
    Files.writeString(work.resolve("webhook-secret"), SECRET);
    Path log = work.resolve("hub.log");

    try (HubProcess hub = BenchHub.start(log, List.of("--repo", remote.toString(), "--data-dir",
        work.resolve("data").toString(), "--spoke-tokens", work.resolve("tokens").toString(), "--port", "0",
        "--poll-interval", "3600s", "--webhook-secret-file", work.resolve("webhook-secret").toString()))) {
      PassLog passes = new PassLog(log);
      step("hub started; its first pass: " + passes.passWith(0, ""));
      // Every spoke reports once; the passes this triggers coalesce.
      java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(8);
      try (var senders = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
        bySpoke.forEach((spoke, entities) -> senders.submit(() -> {
          inFlight.acquireUninterruptibly();
          try {
            post(hub.url() + "/v1/spokes/" + spoke + "/reports", "Bearer token-"
          + spoke, "{\"spoke\":\"" + spoke + "\",\"reportedAt\":\"" + Instant.now() + "\",\"entities\":["
          + String.join(",", entities) + "]}");
          } finally {
            inFlight.release();
          }
        }));
      }
      step("1,000 spokes reported");
      // Settle: passes until one changes nothing.
      for (int i = 0; i < 30; i++) {
        String line = passes.next(() -> hook(hub.url()));
        if (line.contains("nothing changed") || line.contains("nothing new")) {
          break;
        }
      }
      step("settled");
      int plansAtStart = count(get(hub.url() + "/v1/plans"), "\"id\"");
      long heapAfterSetup = heapAfterGc(hub.pid());

      List<Entity> staging = desired.entities().values().stream()
          .filter(e -> e.id().environment().startsWith("staging")).limit(ROUNDS + 3).toList();
      Samples visible = new Samples();
      Map<String, Samples> phases = new LinkedHashMap<>();
      for (int round = 0; round < ROUNDS + 3; round++) {
        Entity entity = staging.get(round);
        Path file = clone.resolve("entities").resolve(entity.id().environment()).resolve(entity.id().name() + ".yaml");
        git(clone, "pull", "-q", "--ff-only", "origin", "main");
        String text = Files.readString(file);
        java.util.regex.Matcher replicas = java.util.regex.Pattern.compile("replicas: (\\d+)").matcher(text);
        assertThat(replicas.find()).as(text).isTrue();
        Files.writeString(file, replicas.replaceFirst("replicas: " + (Integer.parseInt(replicas.group(1)) + 10)));
        git(clone, "add", "-A");
        commit(clone, "scale " + entity.id() + " by 10 replicas");
        long offset = passes.offset();
        git(clone, "push", "-q", "origin", "HEAD:main");
        long pushed = System.nanoTime();
        hook(hub.url());
        String query = hub.url() + "/v1/plans?entity=" + entity.id();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!get(query).contains("config_update")) {
          assertThat(System.nanoTime()).as("a plan for %s within 60 s", entity.id()).isLessThan(deadline);
          Thread.sleep(2);
        }
        long seen = System.nanoTime() - pushed;
        String line = passes.passWith(offset, "plan changes");
        if (round >= 3) { // the first rounds warm the hub's JIT up
          visible.add(seen);
          PassLog.phases(line).forEach((phase, nanos) -> phases.computeIfAbsent(phase, k -> new Samples()).add(nanos));
        }
      }
      Samples empty = new Samples();
      Map<String, Samples> emptyPhases = new LinkedHashMap<>();
      for (int round = 0; round < ROUNDS + 3; round++) {
        String line = passes.next(() -> hook(hub.url()));
        if (round >= 3) {
          empty.add(PassLog.total(line));
          PassLog.phases(line).forEach((p, nanos) -> emptyPhases.computeIfAbsent(p, k -> new Samples()).add(nanos));
        }
      }
      long heap = heapAfterGc(hub.pid());
      assertThat(hub.alive()).as("the hub survives the run under -Xmx256m").isTrue();
      assertThat(Files.readString(log)).as("the hub's log").doesNotContain("OutOfMemoryError");

      StringBuilder out = new StringBuilder();
      out.append(String.format("Hub at %,d entities, %,d spokes, %d rounds; %d plans after the spokes' first"
          + " reports; load average %s%n%n", desired.entities().size(), bySpoke.size(), ROUNDS, plansAtStart,
          Files.readString(Path.of("/proc/loadavg")).strip()));
      out.append("| measure | median ms | min ms | max ms |\n|---|---:|---:|---:|\n");
      out.append(visible.row("push -> plan in GET /v1/plans (webhook)"));
      Samples toStore = Samples.sumOf(phases, List.of("fetch", "list", "load", "reports", "approvals", "plan",
          "diff", "store"));
      out.append(toStore.row("one-file change: pass start -> plans in the store"));
      phases.forEach((p, s) -> out.append(s.row("&nbsp;&nbsp;" + p)));
      out.append(empty.row("fetch that finds nothing new: whole pass"));
      emptyPhases.forEach((p, s) -> out.append(s.row("&nbsp;&nbsp;" + p)));
      out.append(String.format("%nHeap used after a full GC: %.1f MiB after setup, %.1f MiB after the run"
          + " (-Xmx256m)%n", heapAfterSetup / 1048576.0, heap / 1048576.0));
      System.out.println(out);
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "hub-scale-benchmark.txt"), out);
    }
  }

  private static long last = System.nanoTime();

  private static void step(String what) {
    long now = System.nanoTime();
    System.out.printf("[bench-hub] +%.1f s %s%n", (now - last) / 1e9, what);
    last = now;
  }

  /** Each spoke's entity reports: 99 in 100 entities where the planner would take them, the rest behind. */
  private static Map<String, List<String>> reportsBySpoke(DesiredState desired) {
    Instant now = Instant.now();
    Map<io.apollo.core.config.EntityId, EntityReport> oldest = new HashMap<>();
    for (Entity e : desired.entities().values()) {
      Version first = desired.releasesOf(e.product()).stream().filter(r -> r.version().isRelease())
          .map(r -> r.version()).findFirst().orElseThrow();
      oldest.put(e.id(), new EntityReport(e.id(), e.product(), Optional.of(first), EntityState.RUNNING,
          Health.HEALTHY, Optional.of(e.configDigest()), Optional.empty(), Optional.empty(), Optional.empty(), "",
          now));
    }
    Map<io.apollo.core.config.EntityId, Version> target = new HashMap<>();
    for (Plan p : new Planner(new ConstraintEvaluator()).plan(PlanningInput.of(desired,
        new ReportedState(oldest), now)).plans()) {
      p.toVersion().ifPresent(v -> target.put(p.entity(), v));
    }
    Map<String, List<String>> bySpoke = new TreeMap<>();
    int i = 0;
    for (Entity e : desired.entities().values()) {
      Version version = i++ % 100 == 0 ? oldest.get(e.id()).version().orElseThrow()
          : target.getOrDefault(e.id(), oldest.get(e.id()).version().orElseThrow());
      bySpoke.computeIfAbsent(e.spoke(), k -> new ArrayList<>()).add("{\"entity\":\"" + e.id() + "\",\"product\":\""
          + e.product() + "\",\"version\":\"" + version + "\",\"state\":\"RUNNING\",\"health\":\"HEALTHY\","
          + "\"configDigest\":\"" + e.configDigest() + "\",\"observedAt\":\"" + now + "\"}");
    }
    return bySpoke;
  }

  private static long heapAfterGc(long pid) throws Exception {
    run(Path.of("."), jcmd(), String.valueOf(pid), "GC.run");
    String info = run(Path.of("."), jcmd(), String.valueOf(pid), "GC.heap_info");
    java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
    assertThat(used.find()).as("GC.heap_info says how much is used: %s", info).isTrue();
    return Long.parseLong(used.group(1)) * 1024;
  }

  private static String jcmd() {
    return Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
  }

  private static void hook(String hub) {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String signature = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(hub + "/v1/hooks/git"))
          .header("X-Hub-Signature-256", signature).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void post(String url, String authorization, String json) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
          authorization).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    }
  }

  private static void commit(Path clone, String message) throws Exception {
    git(clone, "-c", "user.name=Bench Person", "-c", "user.email=bench@example.com", "commit", "-q", "-m", message);
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    run(dir, command.toArray(String[]::new));
  }

  private static String run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finishes", String.join(" ", command)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
    return out;
  }
}
