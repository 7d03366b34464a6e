package io.apollo.cli.hubclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.CliRun;
import io.apollo.cli.FakeHub;
import io.apollo.cli.GitFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the live commands say when the hub fails them: down, a 500, an answer that is not JSON, a hub without
 * {@code GET /v1/reports}. A real hub does none of these on demand, so a stand-in ({@link FakeHub}) plays them; the
 * commands against a working hub are in {@link LiveCommandsIT}. Every failure exits 1 and names the hub and the
 * request, with what to check.
 */
class HubFailuresIT {
  @TempDir Path temp;

  @Test
  void aHubThatIsDownIsNamedWithWhereTheUrlCameFrom() {
    CliRun down = CliRun.of("entity", "list", "--hub", "http://127.0.0.1:1");
    assertThat(down.exitCode()).isEqualTo(1);
    assertThat(down.err()).contains("cannot reach the hub at http://127.0.0.1:1").contains("is it running?")
        .contains("--hub, APOLLO_HUB");
  }

  @Test
  void aHubThatAnswers500IsQuotedWithTheRequest() {
    try (FakeHub hub = new FakeHub(500, Map.of("/v1/plans",
        "{\"error\": \"internal\", \"message\": \"the store is locked\"}"))) {
      CliRun run = CliRun.of("plan", "list", "--state", "pending", "--hub", hub.url());
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).contains("the hub answered 500 to GET " + hub.url() + "/v1/plans?")
          .contains("state=PENDING").contains("the store is locked");
    }
  }

  @Test
  void anAnswerThatIsNotJsonAsksWhetherThatIsAHub() {
    try (FakeHub hub = new FakeHub(Map.of("/v1/entities/staging/web", "<html>a login page</html>"))) {
      CliRun run = CliRun.of("entity", "status", "staging/web", "--hub", hub.url());
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).contains("is not JSON").contains("an Apollo hub?");
    }
  }

  @Test
  void diffAgainstAHubWithoutTheReportsRouteSaysToUpgradeOrPassAFile() {
    GitFixture repo = GitFixture.ofSampleRepo(temp);
    try (FakeHub hub = new FakeHub(Map.of())) {
      CliRun run = CliRun.of("diff", "--repo", repo.work().toString(), "--hub", hub.url());
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).contains("the hub at " + hub.url() + " has no GET /v1/reports")
          .contains("--reported FILE");
      assertThat(hub.requests()).containsExactly("/v1/reports");
    }
  }
}
