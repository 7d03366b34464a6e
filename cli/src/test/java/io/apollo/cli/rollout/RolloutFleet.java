package io.apollo.cli.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.CliRun;
import io.apollo.cli.GitFixture;
import io.apollo.cli.ProjectFiles;
import io.apollo.reconciler.hub.Hub;
import io.apollo.reconciler.hub.HubMain;
import io.apollo.reconciler.hub.HubOptions;
import io.apollo.spoke.SpokeAgent;
import io.apollo.spoke.StandardOperators;
import io.apollo.spoke.options.Mode;
import io.apollo.spoke.options.SpokeOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real fleet for rollout tests: a bare config repository (with a person's clone), a hub started as {@code apollo
 * hub} starts it, and one polling spoke per environment running real SLS distributions of the sample service built
 * by {@code scripts/sls-dist}. The hub can be stopped and started again on the same data folder. Closing stops the
 * spokes, the hub and every service the spokes started.
 */
final class RolloutFleet implements AutoCloseable {
  static final String PRODUCT = "com.example:hello-service";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  private final Path temp;
  private final GitFixture git;
  private final Path tokens;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final List<SpokeAgent> spokes = new ArrayList<>();
  private Hub hub;

  private RolloutFleet(Path temp, GitFixture git, Path tokens) {
    this.temp = temp;
    this.git = git;
    this.tokens = tokens;
  }

  /** A repository with {@code seed}'s files, a hub on it, and a polling spoke for each of {@code environments}. */
  static RolloutFleet start(Path temp, Path seed, String... environments) throws IOException {
    GitFixture git = GitFixture.of(temp, seed);
    StringBuilder lines = new StringBuilder();
    for (String environment : environments) {
      lines.append(spoke(environment)).append(' ').append(token(environment)).append('\n');
    }
    RolloutFleet fleet = new RolloutFleet(temp, git, Files.writeString(temp.resolve("spoke-tokens"), lines));
    fleet.startHub();
    for (String environment : environments) {
      Path tokenFile = Files.writeString(temp.resolve(environment + ".token"), token(environment) + "\n");
      SpokeOptions options = SpokeOptions.of(spoke(environment), URI.create(fleet.url()), tokenFile,
          temp.resolve("spoke-" + environment)).withMode(Mode.POLL)
          .withIntervals(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(2));
      fleet.spokes.add(SpokeAgent.start(options, StandardOperators.of(options), Clock.systemUTC()));
    }
    return fleet;
  }

  static String spoke(String environment) {
    return environment + "-spoke";
  }

  private static String token(String environment) {
    return environment + "-token-0123456789abcdef";
  }

  /** Starts the hub on the data folder a previous one used, if any. */
  void startHub() {
    HubOptions options = new HubOptions(git.origin().toString(), "main", temp.resolve("hub-data"), "127.0.0.1", 0,
        tokens, Duration.ofSeconds(1), "Apollo Hub", "hub@apollo.invalid", HubOptions.DEFAULT_MAX_BODY_BYTES,
        Optional.empty()).withNotifications(Optional.of(notificationSecrets()), 10);
    hub = Hub.start(options, HubMain::openGit, Clock.systemUTC());
  }

  /**
   * Stops the hub and starts another on the same data folder and port range; the spokes keep the old URL, so the
   * new hub must listen where they report: it binds the old port again.
   */
  void restartHub() {
    int port = URI.create(hub.url()).getPort();
    hub.close();
    HubOptions options = new HubOptions(git.origin().toString(), "main", temp.resolve("hub-data"), "127.0.0.1", port,
        tokens, Duration.ofSeconds(1), "Apollo Hub", "hub@apollo.invalid", HubOptions.DEFAULT_MAX_BODY_BYTES,
        Optional.empty()).withNotifications(Optional.of(notificationSecrets()), 10);
    hub = Hub.start(options, HubMain::openGit, Clock.systemUTC());
  }

  /** The hub's {@code --notification-secrets}: the secret {@code rollout-hook} of {@link HaltReceiver}. */
  private Path notificationSecrets() {
    try {
      return Files.writeString(temp.resolve("notification-secrets"), "rollout-hook " + HaltReceiver.SECRET + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return hub.url();
  }

  GitFixture git() {
    return git;
  }

  /** Builds {@code hello-service-<version>.tgz} with scripts/sls-dist ({@code extra} flags such as --unhealthy). */
  Path dist(String version, String... extra) throws IOException, InterruptedException {
    Path out = temp.resolve("dists");
    List<String> command = new ArrayList<>(List.of(ProjectFiles.root().resolve("scripts/sls-dist").toString(),
        "--group", "com.example", "--name", "hello-service", "--version", version, "--out", out.toString()));
    command.addAll(List.of(extra));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(temp.resolve("sls-dist-" + version + ".log").toFile());
    builder.environment().put("SLS_DIST_CACHE", temp.resolve("sls-cache").toString());
    Process p = builder.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("sls-dist finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(temp.resolve("sls-dist-" + version + ".log"))).isZero();
    return out.resolve("hello-service-" + version + ".tgz");
  }

  /** {@code apollo <args> --repo <clone>}, pulling first as a person does; fails the test when it fails. */
  String apollo(String... args) {
    GitFixture.git(git.work(), "pull", "--quiet", "--ff-only");
    String[] all = Stream.concat(Stream.of(args), Stream.of("--repo", git.work().toString()))
        .toArray(String[]::new);
    CliRun run = CliRun.of(all);
    assertThat(run.exitCode()).as("apollo " + String.join(" ", args) + "\n" + run.out() + run.err()).isZero();
    return run.out();
  }

  /** Publishes a built distribution to {@code channel}. */
  void publish(Path dist, String channel) {
    apollo("release", "publish", dist.toString(), "--artifact-uri", dist.toUri().toString(), "--channel", channel);
  }

  /** {@code GET path} until its JSON passes {@code ready}; fails the test after two minutes. */
  JsonNode await(String what, String path, Predicate<JsonNode> ready) {
    Instant deadline = Instant.now().plus(PATIENCE);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      Optional<JsonNode> answer = get(path);
      if (answer.isPresent()) {
        last = answer.get();
        if (ready.test(last)) {
          return last;
        }
      }
      pause();
    }
    throw new AssertionError(what + ": GET " + path + " never became ready; last answer: " + last);
  }

  /** The first plan of {@code entity} that passes {@code ready}, waited for. */
  JsonNode awaitPlan(String what, String entity, Predicate<JsonNode> ready) {
    JsonNode root = await(what, "/v1/plans?entity=" + entity,
        r -> r.path("plans").valueStream().anyMatch(ready));
    return root.path("plans").valueStream().filter(ready).findFirst().orElseThrow();
  }

  /** The entity, once it runs {@code version} healthy. */
  JsonNode awaitRunning(String entity, String version) {
    return await(entity + " RUNNING " + version, "/v1/entities/" + entity, e -> e.path("state").asString()
        .equals("RUNNING") && e.path("runningVersion").asString().equals(version)
        && e.path("health").asString().equals("HEALTHY"));
  }

  Optional<JsonNode> get(String path) {
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url() + path))
          .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200 ? Optional.of(JSON.readTree(answer.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() throws IOException {
    spokes.forEach(SpokeAgent::close);
    if (hub != null) {
      hub.close();
    }
    // The services the spokes started run on as their own processes: stop each through its init.sh.
    try (Stream<Path> files = Files.walk(temp)) {
      for (Path init : files.filter(p -> p.endsWith(Path.of("service/bin/init.sh"))).toList()) {
        Path dir = init.getParent().getParent().getParent();
        try {
          Process stop = new ProcessBuilder(init.toString(), "stop").directory(dir.toFile())
              .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
          stop.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
