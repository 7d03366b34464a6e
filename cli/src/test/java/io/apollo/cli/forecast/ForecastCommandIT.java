package io.apollo.cli.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.CliRun;
import io.apollo.cli.FakeHub;
import io.apollo.cli.GitFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code apollo forecast}: from a hub, and without one from a clone of sample-repo. */
class ForecastCommandIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path temp;

  @Test
  void withoutAHubItDrawsTheRepositorysWindowsAndFreezes() {
    GitFixture git = GitFixture.ofSampleRepo(temp);
    CliRun run = CliRun.of("forecast", "--repo", git.work().toString(), "--at", "2026-12-08T10:00:00Z",
        "--environment", "production");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("production:", "window", "prod-saturday-night", "2026-12-12T02:00:00Z",
        "2026-12-12T06:00:00Z", "freeze", "Holiday freeze", "2026-12-20T00:00:00Z", "needs a hub")
        .doesNotContain("staging:");

    CliRun json = CliRun.of("forecast", "--repo", git.work().toString(), "--at", "2026-12-08T10:00:00Z", "-o",
        "json", "--days", "3");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode root = JSON.readTree(json.out());
    assertThat(root.path("source").asString()).isEqualTo("repository");
    assertThat(root.path("to").asString()).isEqualTo("2026-12-11T10:00:00Z");
    assertThat(root.path("environments").values().stream().map(e -> e.path("name").asString()))
        .containsExactly("production", "staging");
    assertThat(root.path("environments").get(0).path("bands").size()).as("no window in 3 days from Tuesday").isZero();
  }

  /**
   * A stand-in hub, kept for what the sample fleet on a real hub cannot show: a plan that can never land (a role with
   * no members, {@code NEVER_ROLE}). The real hub's forecast is in {@code hubclient.LiveCommandsIT}.
   */
  @Test
  void aStandInHubsPlanThatCanNeverLandIsShownAsNever() {
    String forecast = """
        {"from": "2026-12-08T10:00:00Z", "to": "2026-12-22T10:00:00Z",
         "environments": [{"name": "production", "bands": [{"constraint": "prod-saturday-night", "kind": "WINDOW",
           "start": "2026-12-12T02:00:00Z", "end": "2026-12-12T06:00:00Z", "reason": ""}]}],
         "plans": [
           {"id": "pl-1", "entity": "production/web", "environment": "production", "state": "BLOCKED",
            "at": "2026-12-12T02:00:00Z", "reason": "WINDOW", "message": "the first moment its windows allow",
            "never": false, "after": null, "missingRoles": []},
           {"id": "pl-2", "entity": "production/db", "environment": "production", "state": "PENDING", "at": null,
            "reason": "NEVER_ROLE", "message": "role dba has no members", "never": true, "after": null,
            "missingRoles": ["dba"]}]}
        """;
    try (FakeHub hub = new FakeHub(Map.of("/v1/forecast", forecast))) {
      CliRun run = CliRun.of("forecast", "--hub", hub.url(), "--days", "14");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("pl-1", "2026-12-12T02:00:00Z", "pl-2", "never", "role dba has no members",
          "prod-saturday-night");
      assertThat(hub.requests()).contains("/v1/forecast?days=14");
    }
    CliRun bad = CliRun.of("forecast", "--days", "0", "--hub", "http://127.0.0.1:1");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--days 0");
  }
}
