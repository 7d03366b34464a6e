package io.apollo.cli.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.CliRun;
import io.apollo.cli.GitFixture;
import io.apollo.cli.LiveHub;
import io.apollo.cli.ProjectFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code apollo diff --hub URL}: both sides planned against the reports a real hub holds ({@code GET /v1/reports}),
 * as the hub plans: an entity whose spoke never reported gets no plan. Production runs catalog 2.0.0 (the sample
 * reports), so pinning it there makes its upgrade to 2.1.0 disappear; against no reports at all it would be an
 * install whose version changes instead.
 */
class DiffHubIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String AT = "2026-12-05T03:00:00Z";

  @TempDir Path temp;

  @Test
  void theHubsReportsAreWhatBothSidesArePlannedAgainst() throws Exception {
    try (LiveHub hub = LiveHub.start(temp.resolve("hub"))) {
      Path clone = temp.resolve("pull-request");
      GitFixture.git(temp, "clone", "--quiet", hub.git().origin().toString(), clone.toString());
      List<String> common = List.of("diff", "--repo", clone.toString(), "--at", AT, "--hub", hub.url());

      CliRun nothingReported = diff(common);
      assertThat(nothingReported.exitCode()).as(nothingReported.err()).isZero();
      assertThat(nothingReported.out()).contains("no change to the fleet's plans")
          .contains("Reported state: hub " + hub.url() + " (no spoke has reported yet;");

      hub.reportSample("staging-spoke-1");
      DiffCommandIT.pinProductionCatalogTo(clone.resolve("entities/production.yaml"), "2.0.0");
      CliRun productionSilent = diff(common);
      assertThat(productionSilent.exitCode()).as("production's spoke never reported: the hub plans nothing there; "
          + productionSilent.out() + productionSilent.err()).isZero();
      assertThat(productionSilent.out()).contains("Reported state: hub " + hub.url() + " (reports of staging-spoke-1;");

      hub.reportSample("production-spoke-1");
      CliRun run = diff(common);
      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(DiffCommand.EXIT_CHANGES);
      assertThat(run.out()).contains("1 disappear").containsPattern("-  production/catalog-service +upgrade")
          .contains("reports of production-spoke-1, staging-spoke-1;");

      List<String> json = new ArrayList<>(common);
      json.addAll(List.of("--output", "json"));
      JsonNode root = JSON.readTree(diff(json).out());
      assertThat(root.path("reportedSource").asString()).isEqualTo("hub");
      assertThat(root.path("plans").values()).filteredOn(p -> p.path("entity").asString()
          .equals("production/catalog-service")).singleElement().satisfies(p -> {
        assertThat(p.path("entity").asString()).isEqualTo("production/catalog-service");
        assertThat(p.path("change").asString()).isEqualTo("disappears");
        assertThat(p.path("before").path("fromVersion").asString()).as("what the hub says runs").isEqualTo("2.0.0");
      });

      List<String> fileWins = new ArrayList<>(common);
      fileWins.addAll(List.of("--reported", ProjectFiles.sampleReportedState().toString(), "--output", "markdown"));
      CliRun file = diff(fileWins);
      assertThat(file.exitCode()).isEqualTo(DiffCommand.EXIT_CHANGES);
      assertThat(file.out()).contains("Reported state: file " + ProjectFiles.sampleReportedState())
          .doesNotContain("hub " + hub.url());
    }
  }

  private static CliRun diff(List<String> args) {
    return CliRun.of(args.toArray(String[]::new));
  }
}
