package io.apollo.cli;

import io.apollo.reconciler.hub.Hub;
import io.apollo.reconciler.hub.HubMain;
import io.apollo.reconciler.hub.HubOptions;
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
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real hub in this JVM ({@link Hub#start}, as {@code apollo hub} starts it) governing a bare origin of the sample
 * fleet ({@link GitFixture}, with a person's clone beside it), and the sample spokes' reports posted to it over HTTP
 * with their tokens (DESIGN.md section 5). Staging's spoke is made a polling one (its url dropped), so the hub pushes
 * to no port that someone else may hold.
 */
public final class LiveHub implements AutoCloseable {
  /** The spokes' tokens, as in the hub's {@code --spoke-tokens} file. */
  public static final Map<String, String> TOKENS = Map.of("staging-spoke-1", "staging-token-0123456789abcdef",
      "production-spoke-1", "production-token-0123456789abcdef");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final GitFixture git;
  private final Hub hub;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private LiveHub(GitFixture git, Hub hub) {
    this.git = git;
    this.hub = hub;
  }

  /** Starts a hub on a new origin of the sample fleet under {@code temp}; no spoke has reported yet. */
  public static LiveHub start(Path temp) {
    try {
      Path seed = ProjectFiles.copySampleRepo(temp.resolve("seed"));
      Path staging = seed.resolve("environments/staging.yaml");
      Files.writeString(staging, Files.readString(staging).replaceAll("(?m)^\\s*url: .*\\n", ""));
      GitFixture git = GitFixture.of(temp, seed);
      StringBuilder tokens = new StringBuilder("# the sample fleet's spokes\n");
      TOKENS.forEach((spoke, token) -> tokens.append(spoke).append(' ').append(token).append('\n'));
      Path tokenFile = Files.writeString(temp.resolve("spoke-tokens"), tokens);
      HubOptions options = new HubOptions(git.origin().toString(), "main", temp.resolve("hub-data"), "127.0.0.1", 0,
          tokenFile, Duration.ofSeconds(1), "Apollo Hub", "hub@apollo.invalid", HubOptions.DEFAULT_MAX_BODY_BYTES,
          Optional.empty());
      return new LiveHub(git, Hub.start(options, HubMain::openGit, Clock.systemUTC()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return hub.url();
  }

  /** The origin the hub governs, and a person's clone of it. */
  public GitFixture git() {
    return git;
  }

  /**
   * Posts each spoke's report of docs/examples/sample-reported-state.json, stamped now, with its own token, and
   * waits until the hub has planned from them.
   */
  public void reportSampleFleet() {
    reportSample(TOKENS.keySet().toArray(String[]::new));
    // A pass publishes reports and plans together: once no entity awaits its spoke, every plan is there.
    await("/v1/entities", root -> root.path("entities").values().stream().noneMatch(e -> e.has("awaiting")));
  }

  /** Posts the sample reports of these spokes only, stamped now, each with its own token. */
  public void reportSample(String... spokes) {
    JsonNode sample = read(ProjectFiles.sampleReportedState());
    String now = Instant.now().toString();
    for (JsonNode report : sample.path("reports")) {
      if (java.util.Arrays.asList(spokes).contains(report.path("spoke").asString())) {
        ObjectNode stamped = (ObjectNode) report.deepCopy();
        stamped.put("reportedAt", now);
        stamped.path("entities").forEach(e -> ((ObjectNode) e).put("observedAt", now));
        report(stamped.path("spoke").asString(), stamped.toString());
      }
    }
  }

  /** Posts one report as its spoke; retries while the hub has not loaded its first commit (503). */
  public void report(String spoke, String json) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (true) {
      HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url() + "/v1/spokes/" + spoke
          + "/reports")).header("Authorization", "Bearer " + TOKENS.get(spoke))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
      if (answer.statusCode() == 202) {
        return;
      }
      if (answer.statusCode() != 503 || Instant.now().isAfter(deadline)) {
        throw new AssertionError("the hub answered " + answer.statusCode() + " to the report of " + spoke + ": "
            + answer.body());
      }
      pause();
    }
  }

  /** {@code GET path} until its JSON passes {@code ready}; fails the test after a minute. */
  public JsonNode await(String path, Predicate<JsonNode> ready) {
    Instant deadline = Instant.now().plus(PATIENCE);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url() + path)).GET());
      if (answer.statusCode() == 200) {
        last = JSON.readTree(answer.body());
        if (ready.test(last)) {
          return last;
        }
      }
      pause();
    }
    throw new AssertionError("GET " + path + " never became ready; last answer: " + last);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    hub.close();
  }
}
