package io.apollo.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17, for {@link DemoIT}: while the demo runs, finds its hub's URL in the demo's output, waits for the
 * production upgrade to 1.1.0 to succeed and reads {@code GET /v1/plans/{id}/record} of it (the demo stops its hub
 * and removes its folder at the end, so the record is read while the hub serves). The demo script itself is not
 * changed.
 */
final class ProductionUpgradeRecord {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern HUB = Pattern.compile("^ +hub: (http://\\S+) \\(API under /v1\\)$", Pattern.MULTILINE);
  private static final Duration LIMIT = Duration.ofMinutes(10);

  private final AtomicReference<JsonNode> record = new AtomicReference<>();
  private final AtomicReference<String> failure = new AtomicReference<>("the demo ended before the production"
      + " upgrade succeeded");

  static ProductionUpgradeRecord watch(Path demoOutput) {
    ProductionUpgradeRecord watcher = new ProductionUpgradeRecord();
    Thread.ofVirtual().name("demo-audit-watch").start(() -> watcher.run(demoOutput));
    return watcher;
  }

  private void run(Path output) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(LIMIT);
    try {
      String hub = null;
      while (Instant.now().isBefore(deadline)) {
        if (hub == null) {
          Matcher m = HUB.matcher(Files.exists(output) ? Files.readString(output) : "");
          hub = m.find() ? m.group(1) : null;
        } else {
          Optional<JsonNode> upgrade = get(http, hub + "/v1/plans?entity=production/hello-service")
              .flatMap(plans -> plans.path("plans").valueStream().filter(p -> p.path("type").asString()
                  .equals("upgrade") && p.path("toVersion").asString().equals("1.1.0")
                  && p.path("state").asString().equals("SUCCEEDED")).findFirst());
          if (upgrade.isPresent()) {
            record.set(get(http, hub + "/v1/plans/" + upgrade.get().path("id").asString() + "/record")
                .orElseThrow());
            return;
          }
        }
        Thread.sleep(500); // a poll of a live process with a deadline, not a wait for a fixed time
      }
    } catch (Exception e) {
      failure.set("reading the record failed: " + e);
    }
  }

  private static Optional<JsonNode> get(HttpClient http, String url) {
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200 ? Optional.of(JSON.readTree(answer.body())) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty(); // the hub is not up yet, or has stopped
    }
  }

  /** The production upgrade's record names its proposal, approval, verdicts, states, dispatch and outcome. */
  void assertNamesEveryStep(String upgradeId) {
    JsonNode r = record.get();
    assertThat(r).as(failure.get()).isNotNull();
    assertThat(r.path("planId").asString()).isEqualTo(upgradeId);
    assertThat(r.path("proposed").path("computedFrom").asString()).as("the commit it was made from")
        .matches("[0-9a-f]{40}");
    assertThat(r.path("approvals").values().stream().filter(a -> a.path("accepted").asBoolean())
        .map(a -> a.path("by").asString()).toList()).contains("bob.okafor@example.com");
    assertThat(r.path("approvals").values().stream().allMatch(a -> a.path("commit").asString()
        .matches("[0-9a-f]{40}") && a.has("keyFingerprint"))).as("each approval's commit and key").isTrue();
    assertThat(r.path("verdicts").size()).as("constraint verdicts over time").isPositive();
    assertThat(r.path("history").values().stream().map(e -> e.path("state").asString()).toList())
        .contains("APPROVED", "DISPATCHED", "SUCCEEDED");
    assertThat(r.path("dispatches").values().stream().anyMatch(d -> d.path("acknowledged").asBoolean()))
        .as("the spoke took it").isTrue();
    assertThat(r.path("outcome").path("spokeOutcome").asString()).isEqualTo("SUCCEEDED");
    assertThat(r.path("outcome").path("runningVersion").asString()).isEqualTo("1.1.0");
    List<String> steps = r.path("steps").values().stream().map(s -> s.path("step").asString()).toList();
    assertThat(steps).contains("PROPOSED", "VERDICT", "APPROVAL", "STATE", "DISPATCH", "OUTCOME");
  }
}
