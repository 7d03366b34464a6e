package io.apollo.cli.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.CliRun;
import io.apollo.cli.ProjectFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code apollo explain} says, in words, why an entity has the plan it has. */
class ExplainCommandTest {

  @Test
  void explainsABlockedUpgradeInTheFreeze() {
    CliRun run = explain("production/auth-service", "2026-12-26T03:00:00Z");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("production/auth-service")
        .contains("pinned to 1.3.1")
        .contains("1.2.0")
        .contains("BLOCKED")
        .contains("holiday-freeze")
        .contains("2027-01-04T00:00:00Z")
        .contains("sre");
  }

  @Test
  void explainsTheSameUpgradeInsideTheWindowAsWaitingForApproval() {
    CliRun run = explain("production/auth-service", "2026-12-05T03:00:00Z");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("PENDING").contains("sre").doesNotContain("BLOCKED");
  }

  @Test
  void jsonGivesEveryPartWithMachineReasons() {
    CliRun run = CliRun.of("explain", "production/catalog-service", "--repo", ProjectFiles.sampleRepo().toString(),
        "--reported", ProjectFiles.sampleReportedState().toString(), "--at", "2026-12-23T10:00:00Z", "--output", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = JsonMapper.builder().build().readTree(run.out());
    assertThat(root.path("known").asBoolean()).isTrue();
    assertThat(root.path("target").path("reason").asString()).isEqualTo("PINNED");
    assertThat(root.path("plan").path("state").asString()).isEqualTo("BLOCKED");
    assertThat(root.path("verdicts")).extracting(v -> v.path("constraint").asString() + "=" + v.path("satisfied"))
        .contains("holiday-freeze=false", "prod-saturday-night=false", "dependencies-healthy=true");
    assertThat(root.path("nextProceedAt").asString()).isEqualTo("2027-01-09T02:00:00Z");
    assertThat(root.path("noPlan").isNull()).isTrue();
  }

  @Test
  void anUnknownEntityIsSaidPlainlyAndExitsOne() {
    CliRun run = explain("production/no-such-thing", "2026-12-05T03:00:00Z");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("production/no-such-thing");
  }

  @Test
  void aMalformedEntityIdIsAUsageError() {
    CliRun run = explain("catalog", "2026-12-05T03:00:00Z");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("write it as environment/name");
  }

  private static CliRun explain(String entity, String at) {
    return CliRun.of("explain", entity, "--repo", ProjectFiles.sampleRepo().toString(), "--reported",
        ProjectFiles.sampleReportedState().toString(), "--at", at);
  }
}
