package io.apollo.reconciler.reportload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports benchmark of issue 7, one command ({@code scripts/bench-reports}): on a synthetic fleet already
 * written to {@code FLEET-DIR} ({@code SyntheticFleet DIR 10000 gitops}), it commits the fleet to a bare repository,
 * writes a token for every spoke, starts the real hub ({@code HubMain}, {@code -Xmx256m}) as a child process, waits
 * until it has loaded every entity, and drives it with {@link ReportLoad} in another process: at each concurrency,
 * changed reports, then repeats. Then it stops the hub, starts {@link TrivialRoute} in a JVM of the same size and
 * drives it the same way, and prints a table with the ratio. Every child process is stopped before it returns.
 *
 * <p>Usage: {@code ReportBench FLEET-DIR WORK-DIR [--seconds N] [--warmup N] [--jit-warmup N]
 * [--connections 16,64,256] [--jfr FILE]}: each run warms up {@code --warmup} seconds before its measured
 * {@code --seconds}; each server first takes {@code --jit-warmup} seconds of load at the highest concurrency,
 * unrecorded, so that the first figures are not those of a JVM still compiling.
 */
public final class ReportBench {
  private static final Pattern SPOKE = Pattern.compile("^\\s*- name: (\\S+)\\s*$", Pattern.MULTILINE);
  private static final List<String> JVM = List.of("-Xmx256m");
  /**
   * The harness's own requests (entities, explains, metrics): HTTP/1.1, as the hub speaks it, with no upgrade to
   * HTTP/2 tried, and a connect timeout, so that a lost answer fails the run rather than hanging it.
   */
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private final Path work;
  private final List<Process> children = new ArrayList<>();

  private ReportBench(Path work) {
    this.work = work;
  }

  /** One measured run of the generator. */
  record Result(String target, String mode, int connections, long ok, long errors, double rate, double p50,
      double p99, double cpuMsPerReport, Passes passes, String statuses) {}

  /** The reconcile passes the hub ran during one run, and their time in all (none for the trivial route). */
  record Passes(long count, double seconds) {}

  public static void main(String[] args) throws Exception {
    Path fleet = Path.of(args[0]).toAbsolutePath();
    Path work = Path.of(args[1]).toAbsolutePath();
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 2; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    int seconds = Integer.parseInt(options.getOrDefault("--seconds", "10"));
    int warmup = Integer.parseInt(options.getOrDefault("--warmup", "3"));
    int jit = Integer.parseInt(options.getOrDefault("--jit-warmup", "10"));
    List<Integer> connections = Stream.of(options.getOrDefault("--connections", "16,64,256").split(","))
        .map(Integer::parseInt).toList();
    Optional<String> jfr = Optional.ofNullable(options.get("--jfr"));
    Files.createDirectories(work);
    ReportBench bench = new ReportBench(work);
    Runtime.getRuntime().addShutdownHook(new Thread(bench::stopAll));
    try {
      bench.run(fleet, seconds, warmup, jit, connections, jfr);
    } finally {
      bench.stopAll();
    }
  }

  private void run(Path fleet, int seconds, int warmup, int jit, List<Integer> connections, Optional<String> jfr)
      throws Exception {
    String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
    // 1. The fleet as a bare repository, and a token for every spoke its environments list.
    Path repo = commit(fleet);
    Map<String, String> tokens = tokens(fleet);
    Path tokenFile = work.resolve("spoke-tokens");
    List<String> lines = new ArrayList<>();
    tokens.forEach((spoke, token) -> lines.add(spoke + " " + token));
    Files.write(tokenFile, lines, StandardCharsets.UTF_8);
    // 2. The hub, until it serves every entity of the fleet.
    List<String> hubArgs = new ArrayList<>(JVM);
    jfr.ifPresent(file -> hubArgs.add("-XX:StartFlightRecording=filename=" + file + ",settings=profile"));
    hubArgs.addAll(List.of("io.apollo.reconciler.hub.HubMain", "--repo", repo.toString(), "--data-dir",
        work.resolve("hub-data").toString(), "--spoke-tokens", tokenFile.toString(), "--port", "0",
        "--poll-interval", "10m"));
    long started = System.nanoTime();
    Process hub = start("hub", hubArgs);
    String hubUrl = await(hub, "apollo hub: listening on ", "hub");
    // Each entity reported at the version it should run, so that the measured reports ask for no plan.
    FleetPlan plan = withTargets(hubUrl, plan(hubUrl, tokens));
    Path planFile = work.resolve("fleet-plan.txt");
    plan.write(planFile);
    System.err.printf("hub up and loaded in %.1f s: %d spokes, %d entities%n", (System.nanoTime() - started) / 1e9,
        plan.spokes().size(), plan.spokes().stream().mapToInt(s -> s.entities().size()).sum());
    // 3. The hub at each concurrency: changed reports, then repeats; first a run unrecorded, for the JIT.
    List<Result> results = new ArrayList<>();
    int most = connections.stream().mapToInt(Integer::intValue).max().orElse(64);
    load("hub", hub, hubUrl, planFile, "changed", most, warmup, jit);
    for (int c : connections) {
      for (String mode : List.of("changed", "repeat")) {
        results.add(load("hub", hub, hubUrl, planFile, mode, c, warmup, seconds));
      }
    }
    stop(hub);
    // 4. The trivial route in a JVM of the same size, the same generator.
    Process trivial = start("trivial", new ArrayList<>(List.of(JVM.getFirst(), TrivialRoute.class.getName())));
    String trivialUrl = await(trivial, TrivialRoute.LISTENING, "trivial route");
    load("trivial", trivial, trivialUrl, planFile, "repeat", most, warmup, jit);
    for (int c : connections) {
      results.add(load("trivial", trivial, trivialUrl, planFile, "repeat", c, warmup, seconds));
    }
    stop(trivial);
    String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();
    String table = ReportTable.render(results, connections, loadBefore, loadAfter);
    Files.writeString(work.resolve("report-bench.txt"), table);
    System.out.print(table);
  }

  private Path commit(Path fleet) throws Exception {
    Path repo = work.resolve("fleet.git");
    if (!Files.isDirectory(fleet.resolve(".git"))) {
      git(fleet, "init", "-q", "-b", "main");
      git(fleet, "add", "-A");
      git(fleet, "-c", "user.name=Bench", "-c", "user.email=bench@apollo.example", "commit", "-q", "-m",
          "synthetic fleet");
    }
    if (!Files.isDirectory(repo)) {
      git(work, "clone", "-q", "--bare", fleet.toString(), repo.toString());
    }
    return repo;
  }

  private static Map<String, String> tokens(Path fleet) throws IOException {
    Map<String, String> tokens = new LinkedHashMap<>();
    SecureRandom random = new SecureRandom();
    try (Stream<Path> files = Files.walk(fleet.resolve("environments"))) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        Matcher m = SPOKE.matcher(Files.readString(file));
        while (m.find()) {
          byte[] token = new byte[24];
          random.nextBytes(token);
          tokens.put(m.group(1), HexFormat.of().formatHex(token));
        }
      }
    }
    return tokens;
  }

  /**
   * The version each entity that follows a channel would run (its explain's target: the hub shows no desired
   * version for it), asked once per product: every such entity of a product follows the same channel.
   */
  private static FleetPlan withTargets(String hubUrl, FleetPlan plan) throws Exception {
    HttpClient http = HTTP;
    JsonMapper json = JsonMapper.builder().build();
    Map<String, String> targets = new java.util.HashMap<>();
    List<FleetPlan.Spoke> spokes = new ArrayList<>();
    for (FleetPlan.Spoke spoke : plan.spokes()) {
      List<FleetPlan.Entity> entities = new ArrayList<>();
      for (FleetPlan.Entity e : spoke.entities()) {
        if (!e.version().equals("-")) {
          entities.add(e);
          continue;
        }
        if (!targets.containsKey(e.product())) {
          HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(hubUrl + "/v1/entities/"
              + e.id())).build(), HttpResponse.BodyHandlers.ofString());
          JsonNode target = json.readTree(response.body()).path("explain").path("target");
          targets.put(e.product(), target.isString() ? target.asString() : "-");
        }
        entities.add(new FleetPlan.Entity(e.id(), e.product(), targets.get(e.product())));
      }
      spokes.add(new FleetPlan.Spoke(spoke.name(), spoke.token(), entities));
    }
    return new FleetPlan(spokes);
  }

  /** Waits (up to three minutes) until the hub lists every entity, and groups them by spoke. */
  private static FleetPlan plan(String hubUrl, Map<String, String> tokens) throws Exception {
    HttpClient http = HTTP;
    JsonMapper json = JsonMapper.builder().build();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(hubUrl + "/v1/entities"))
          .build(), HttpResponse.BodyHandlers.ofString());
      JsonNode entities = response.statusCode() == 200 ? json.readTree(response.body()).path("entities") : null;
      if (entities != null && !entities.isEmpty()) {
        Map<String, List<FleetPlan.Entity>> bySpoke = new LinkedHashMap<>();
        tokens.keySet().forEach(s -> bySpoke.put(s, new ArrayList<>()));
        for (JsonNode e : entities) {
          String version = e.path("desiredVersion").isString() ? e.path("desiredVersion").asString() : "-";
          bySpoke.computeIfAbsent(e.path("spoke").asString(), s -> new ArrayList<>()).add(new FleetPlan.Entity(
              e.path("id").asString(), e.path("product").asString(), version));
        }
        List<FleetPlan.Spoke> spokes = new ArrayList<>();
        bySpoke.forEach((s, list) -> spokes.add(new FleetPlan.Spoke(s, tokens.get(s), list)));
        return new FleetPlan(spokes);
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the hub listed no entities within three minutes; see its log in hub.log");
  }

  /**
   * One run of the generator against {@code server}. Beside the rate, the CPU time {@code server} spent per report
   * accepted in the measured seconds (whatever else it did meanwhile included, such as reconcile passes): a figure
   * that depends less than the rate on what else runs on the machine.
   */
  private Result load(String target, Process server, String url, Path planFile, String mode, int connections,
      int warmup, int seconds) throws Exception {
    Process generator = start("load", List.of("-Xmx512m", ReportLoad.class.getName(), url, planFile.toString(), mode,
        String.valueOf(connections), String.valueOf(warmup), String.valueOf(seconds)));
    Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
    long cpuBefore = cpuMillis(server);
    Passes passesBefore = passes(url);
    String line = await(generator, "RESULT ", "load generator");
    long cpu = cpuMillis(server) - cpuBefore;
    Passes passesAfter = passes(url);
    generator.waitFor(30, TimeUnit.SECONDS);
    Map<String, String> fields = new LinkedHashMap<>();
    for (String part : line.split(" ")) {
      int eq = part.indexOf('=');
      fields.put(part.substring(0, eq), part.substring(eq + 1));
    }
    Result result = new Result(target, mode, connections, Long.parseLong(fields.get("ok")),
        Long.parseLong(fields.get("errors")), Double.parseDouble(fields.get("rate")),
        Double.parseDouble(fields.get("p50")), Double.parseDouble(fields.get("p99")),
        (double) cpu / Math.max(1, Long.parseLong(fields.get("ok"))), new Passes(passesAfter.count()
            - passesBefore.count(), passesAfter.seconds() - passesBefore.seconds()), fields.get("statuses"));
    System.err.printf("%-8s %-8s %4d connections: %8.0f reports/s, p50 %6.2f ms, p99 %7.2f ms, %.3f CPU ms a"
        + " report, statuses %s%n", target, mode, connections, result.rate(), result.p50(), result.p99(),
        result.cpuMsPerReport(), result.statuses());
    return result;
  }

  /** How many reconcile passes the hub at {@code url} has run, and for how long, from its /metrics. */
  private static Passes passes(String url) throws Exception {
    HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/metrics"))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    long count = 0;
    double seconds = 0;
    if (metrics.statusCode() == 200) {
      for (String line : metrics.body().split("\n")) {
        if (line.startsWith("apollo_reconcile_pass_seconds_count")) {
          count += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        } else if (line.startsWith("apollo_reconcile_pass_seconds_sum")) {
          seconds += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    return new Passes(count, seconds);
  }

  /** CPU time (user and system) {@code process} has used, from /proc (clock ticks of 10 ms). */
  private static long cpuMillis(Process process) throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  private Process start(String name, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString()));
    command.add(args.getFirst());
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.addAll(args.subList(1, args.size()));
    if (!args.getFirst().startsWith("-")) {
      throw new IllegalArgumentException("the first argument is a JVM flag: " + args);
    }
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve(name + ".log").toFile())).start();
    synchronized (children) {
      children.add(process);
    }
    return process;
  }

  /** The rest of the first line of {@code process}'s output that starts with {@code prefix}. */
  private static String await(Process process, String prefix, String what) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(prefix)) {
        // Keep reading what follows, so that a child writing more never blocks on a full pipe.
        Thread.ofVirtual().start(() -> out.lines().forEach(rest -> { }));
        return line.substring(prefix.length()).strip();
      }
    }
    throw new IllegalStateException("the " + what + " exited before saying '" + prefix.strip() + "'; see its log");
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).inheritIO().start();
    if (git.waitFor() != 0) {
      throw new IllegalStateException("git " + String.join(" ", args) + " failed in " + dir);
    }
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private void stopAll() {
    synchronized (children) {
      for (Process p : children) {
        try {
          if (p.isAlive()) {
            stop(p);
          }
        } catch (InterruptedException e) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
