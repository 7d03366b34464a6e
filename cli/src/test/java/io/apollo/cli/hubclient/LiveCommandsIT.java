package io.apollo.cli.hubclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.CliRun;
import io.apollo.cli.GitFixture;
import io.apollo.cli.LiveHub;
import io.apollo.cli.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commands that read live state, run as a user runs them ({@code apollo ... --hub URL}) against a real hub
 * governing the sample fleet, after its two spokes reported over HTTP with their tokens (docs/examples'
 * sample-reported-state.json). What they print comes from the hub's own planning: staging's catalog failed at
 * 2.2.0-rc2 and has a rollback awaiting vp-engineering; staging's auth-service runs the recalled 1.3.0 and is being
 * moved to 1.3.1; production's catalog runs 2.0.0 and has an upgrade to 2.1.0. Production's plans are blocked or
 * pending depending on the day the test runs (a Saturday-night window), so their states are not asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveCommandsIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  Path temp;

  LiveHub hub;

  @BeforeAll
  void startHubAndReport(@TempDir Path folder) {
    temp = folder;
    hub = LiveHub.start(temp);
    hub.reportSampleFleet();
  }

  @AfterAll
  void stopHub() {
    hub.close();
  }

  private CliRun apollo(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--hub", hub.url()));
    return CliRun.of(all.toArray(String[]::new));
  }

  private static JsonNode json(CliRun run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  private static JsonNode byField(JsonNode list, String field, String value) {
    return list.values().stream().filter(n -> n.path(field).asString().equals(value)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + list));
  }

  private String catalogRollbackId() {
    return byField(json(apollo("plan", "list", "--entity", "staging/catalog-service", "-o", "json")).path("plans"),
        "type", "rollback").path("id").asString();
  }

  @Test
  void planListShowsTheHubsPlansWithTheirStatesAndWhy() {
    CliRun table = apollo("plan", "list");
    assertThat(table.exitCode()).as(table.err()).isZero();
    List<String> lines = table.out().lines().toList();
    assertThat(lines.getFirst()).startsWith("PLAN").contains("ENTITY", "TYPE", "FROM", "TO", "STATE", "WHY");
    assertThat(lines).anySatisfy(l -> assertThat(l).containsPattern(
        "^pl-[0-9a-f]{16} +staging/catalog-service +rollback +2\\.2\\.0-rc2 +2\\.1\\.0 +PENDING +awaiting approval by"
            + " vp-engineering$"));
    assertThat(lines).anySatisfy(l -> assertThat(l).containsPattern(
        "^pl-[0-9a-f]{16} +production/catalog-service +upgrade +2\\.0\\.0 +2\\.1\\.0 "));
    assertThat(table.out()).as("live, so no note about a missing hub").doesNotContain("needs a hub")
        .doesNotContain("\u001B[");

    JsonNode pending = json(apollo("plan", "list", "--state", "pending", "-o", "json"));
    assertThat(pending.path("source").asString()).isEqualTo("hub");
    assertThat(pending.path("plans").values()).isNotEmpty()
        .allSatisfy(p -> assertThat(p.path("state").asString()).isEqualTo("PENDING"));
    JsonNode rollback = byField(pending.path("plans"), "entity", "staging/catalog-service");
    assertThat(rollback.path("missingRoles").values()).extracting(JsonNode::asString)
        .containsExactly("vp-engineering");
    assertThat(rollback.path("branch").asString()).isEqualTo("apollo/plan/" + rollback.path("id").asString());

    JsonNode staging = json(apollo("plan", "list", "--environment", "staging", "-o", "json"));
    assertThat(staging.path("plans").values()).extracting(p -> p.path("entity").asString())
        .contains("staging/catalog-service", "staging/auth-service").allMatch(e -> e.startsWith("staging/"));
    JsonNode auth = byField(staging.path("plans"), "entity", "staging/auth-service");
    assertThat(auth.path("type").asString()).isEqualTo("upgrade");
    assertThat(auth.path("fromVersion").asString()).isEqualTo("1.3.0");
    assertThat(auth.path("toVersion").asString()).as("off the recalled 1.3.0").isEqualTo("1.3.1");
    assertThat(auth.path("state").asString()).as("no role needed in staging: approved and handed to its spoke")
        .isEqualTo("DISPATCHED");
  }

  @Test
  void planGetShowsOnePlanWithItsHistory() {
    String id = catalogRollbackId();
    CliRun table = apollo("plan", "get", id);
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).startsWith(id + ": rollback staging/catalog-service 2.2.0-rc2 -> 2.1.0\n")
        .contains("  state       PENDING\n", "  roles       vp-engineering\n", "  approvals   none recorded\n",
            "  why         awaiting approval by vp-engineering\n", "  history\n")
        .doesNotContain("needs a hub");

    JsonNode plan = json(apollo("plan", "get", id, "--output", "json"));
    assertThat(plan.path("id").asString()).isEqualTo(id);
    assertThat(plan.path("productType").asString()).isEqualTo("sls-service");
    assertThat(plan.path("history").values()).isNotEmpty()
        .anySatisfy(h -> assertThat(h.path("state").asString()).isEqualTo("PENDING"));
    assertThat(plan.path("computedFrom").asString()).matches("[0-9a-f]{40}");

    CliRun unknown = apollo("plan", "get", "pl-0000000000000000");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("the hub at " + hub.url() + " knows no plan pl-0000000000000000");
  }

  @Test
  void entityListAndStatusShowWhatRunsAndWhy() {
    CliRun table = apollo("entity", "list", "--environment", "staging");
    assertThat(table.exitCode()).as(table.err()).isZero();
    List<String> lines = table.out().lines().toList();
    assertThat(lines.getFirst()).startsWith("ENTITY").contains("DESIRED", "RUNNING", "STATE", "HEALTH", "PLAN");
    String rollback = catalogRollbackId();
    assertThat(lines).anySatisfy(l -> assertThat(l).containsPattern("^staging/catalog-service +com\\.example:"
        + "catalog-service +channel beta +2\\.2\\.0-rc2 +FAILED +UNHEALTHY +" + rollback + "$"));
    assertThat(lines).anySatisfy(l -> assertThat(l).containsPattern("^staging/postgres-db .* 15\\.5\\.20 +15\\.5\\.20"
        + " +RUNNING +HEALTHY +-$"));
    assertThat(table.out()).doesNotContain("production/").doesNotContain("needs a hub");

    JsonNode failed = json(apollo("entity", "list", "--state", "failed", "-o", "json"));
    assertThat(failed.path("source").asString()).isEqualTo("hub");
    assertThat(failed.path("entities").values()).extracting(e -> e.path("id").asString())
        .containsExactly("staging/catalog-service");

    CliRun status = apollo("entity", "status", "staging/catalog-service");
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).startsWith("staging/catalog-service (com.example:catalog-service on staging-spoke-1)\n")
        .contains("  running   2.2.0-rc2\n", "  state     FAILED\n", "  health    UNHEALTHY\n",
            "  plan      " + rollback + "\n", "roll back to 2.1.0, the last version that ran healthy",
            "2.2.0-rc1 needs com.example:auth-service in [1.3.1, 1.x.x]; staging runs 1.3.0");

    JsonNode live = json(apollo("entity", "status", "production/catalog-service", "-o", "json"));
    assertThat(live.path("runningVersion").asString()).isEqualTo("2.0.0");
    assertThat(live.path("desiredVersion").asString()).isEqualTo("2.1.0");
    assertThat(live.path("explain").path("target").asString()).isEqualTo("2.1.0");
    assertThat(live.path("explain").path("text").asString()).contains("production/catalog-service");

    CliRun unknown = apollo("entity", "status", "staging/nope");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("knows no entity staging/nope");
  }

  @Test
  void forecastShowsWhenTheHubsWaitingPlansCanLand() {
    String rollback = catalogRollbackId();
    CliRun table = apollo("forecast", "--days", "8");
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).containsPattern(rollback + " +staging/catalog-service +PENDING .*approved by"
        + " vp-engineering").contains("prod-saturday-night").contains("staging: no window or freeze");

    JsonNode json = json(apollo("forecast", "--days", "8", "-o", "json"));
    JsonNode plan = byField(json.path("plans"), "id", rollback);
    assertThat(plan.path("missingRoles").values()).extracting(JsonNode::asString).containsExactly("vp-engineering");
    assertThat(json.path("plans").values()).extracting(p -> p.path("entity").asString())
        .contains("production/catalog-service");
  }

  @Test
  void planCreateTakesTheVersionThatRunsFromTheHub() {
    // The hub committed its approved plans to main since the clone was made: a person pulls first.
    GitFixture.git(hub.git().work(), "pull", "--quiet", "--rebase");
    CliRun run = apollo("plan", "create", "--entity", "staging/recommendations-service", "--type", "rollback",
        "--target-version", "0.9.0", "--repo", hub.git().work().toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).as("the hub says 0.10.0 runs there").containsPattern(
        "^Plan pl-[0-9a-f]{16}: rollback staging/recommendations-service 0\\.10\\.0 -> 0\\.9\\.0\n");
  }

  @Test
  void theHubComesFromTheFlagThenApolloHubThenTheConfigFile() throws Exception {
    Path live = temp.resolve("config-live");
    GitFixture.write(live.resolve("apollo/config.yaml"), "# where apollo reads live state\nhub: " + hub.url() + "\n");
    Path dead = temp.resolve("config-dead");
    GitFixture.write(dead.resolve("apollo/config.yaml"), "hub: http://127.0.0.1:1\n");

    Launched fromFile = launch(Map.of("XDG_CONFIG_HOME", live.toString()), "entity", "status",
        "staging/catalog-service");
    assertThat(fromFile.code()).as(fromFile.err()).isZero();
    assertThat(fromFile.out()).contains("  running   2.2.0-rc2\n").doesNotContain("needs a hub");

    Launched envBeatsFile = launch(Map.of("XDG_CONFIG_HOME", dead.toString(), "APOLLO_HUB", hub.url()), "plan",
        "list", "--state", "pending", "--output", "json");
    assertThat(envBeatsFile.code()).as(envBeatsFile.err()).isZero();
    assertThat(JSON.readTree(envBeatsFile.out()).path("source").asString()).isEqualTo("hub");

    Launched flagBeatsEnv = launch(Map.of("APOLLO_HUB", hub.url()), "entity", "list", "--hub",
        "http://127.0.0.1:1");
    assertThat(flagBeatsEnv.code()).isEqualTo(1);
    assertThat(flagBeatsEnv.err()).contains("cannot reach the hub at http://127.0.0.1:1");
  }

  private record Launched(int code, String out, String err) {}

  /** {@code scripts/apollo ARGS} in a folder that is no repository, with {@code env} over a clean environment. */
  private Launched launch(Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(ProjectFiles.root().resolve("scripts/apollo")
        .toString()));
    command.addAll(List.of(args));
    Path out = temp.resolve("launch.out");
    Path err = temp.resolve("launch.err");
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile());
    List.of("APOLLO_HUB", "APOLLO_CONFIG", "XDG_CONFIG_HOME").forEach(builder.environment()::remove);
    builder.environment().putAll(env);
    Process process = builder.start();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("apollo " + String.join(" ", args) + " finished")
          .isTrue();
    } finally {
      process.destroyForcibly();
    }
    return new Launched(process.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
        java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
  }
}
