package io.apollo.cli.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.CliRun;
import io.apollo.cli.GitFixture;
import io.apollo.cli.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code apollo diff} on a clone of sample-repo's origin, planning both sides against the sample fleet's reports
 * inside production's Saturday window: exit 0 with no change, 3 with changes, 1 when the head adds problems.
 */
class DiffCommandIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String AT = "2026-12-05T03:00:00Z";

  @TempDir Path temp;

  GitFixture repo;
  Path production;

  @BeforeEach
  void makeRepo() {
    repo = GitFixture.ofSampleRepo(temp);
    production = repo.work().resolve("entities/production.yaml");
  }

  private CliRun diff(String... args) {
    String[] common = {"diff", "--repo", repo.work().toString(), "--at", AT, "--reported",
        ProjectFiles.sampleReportedState().toString()};
    String[] all = Arrays.copyOf(common, common.length + args.length);
    System.arraycopy(args, 0, all, common.length, args.length);
    return CliRun.of(all);
  }

  private void pinProductionCatalogTo(String version) throws Exception {
    pinProductionCatalogTo(production, version);
  }

  /** Edits a working folder's entities/production.yaml: production's catalog pinned to {@code version}. */
  static void pinProductionCatalogTo(Path production, String version) throws Exception {
    String text = Files.readString(production);
    int at = text.indexOf("name: catalog-service");
    int pin = text.indexOf("version: 2.1.0", at);
    Files.writeString(production, text.substring(0, pin) + "version: " + version
        + text.substring(pin + "version: 2.1.0".length()));
  }

  @Test
  void anUnchangedFolderChangesNothing() {
    CliRun run = diff();
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("no change to the fleet's plans")
        .contains("Reported state: file " + ProjectFiles.sampleReportedState());

    CliRun nothing = CliRun.of("diff", "--repo", repo.work().toString(), "--at", AT, "--output", "json");
    assertThat(nothing.exitCode()).as(nothing.err()).isZero();
    JsonNode root = JSON.readTree(nothing.out());
    assertThat(root.path("reportedSource").asString()).as("no --reported, no hub").isEqualTo("none");
    assertThat(root.path("reported").asString()).contains("as if nothing ran");
  }

  @Test
  void aNewPinShowsTheChangedPlanAndExitsThree() throws Exception {
    // Production runs 2.0.0 (the sample reports): pinning it there drops the upgrade to 2.1.0.
    pinProductionCatalogTo("2.0.0");
    CliRun dropped = diff();
    assertThat(dropped.exitCode()).as(dropped.err()).isEqualTo(DiffCommand.EXIT_CHANGES);
    assertThat(dropped.out()).contains("1 disappear").containsPattern("-  production/catalog-service +upgrade");

    GitFixture.git(repo.work(), "checkout", "--", "entities/production.yaml");
    pinProductionCatalogTo("2.2.0-rc1");
    CliRun run = diff();
    assertThat(run.exitCode()).as(run.err()).isEqualTo(DiffCommand.EXIT_CHANGES);
    assertThat(run.out()).containsPattern("~  production/catalog-service +upgrade").contains("to 2.1.0 -> 2.2.0-rc1");

    CliRun json = diff("--output", "json");
    JsonNode change = null;
    for (JsonNode p : JSON.readTree(json.out()).path("plans")) {
      if (p.path("entity").asString().equals("production/catalog-service")) {
        change = p;
      }
    }
    assertThat(change).isNotNull();
    assertThat(change.path("change").asString()).isEqualTo("changes");
    assertThat(change.path("before").path("toVersion").asString()).isEqualTo("2.1.0");
    assertThat(change.path("after").path("toVersion").asString()).isEqualTo("2.2.0-rc1");

    CliRun markdown = diff("--output", "markdown");
    assertThat(markdown.out()).startsWith("### Apollo: what merging this changes")
        .contains("| ~ | `production/catalog-service` | upgrade |");

    GitFixture.git(repo.work(), "commit", "-qam", "Pin the catalog to 2.2.0-rc1");
    CliRun committed = diff("--head", "HEAD", "--base", "origin/main");
    assertThat(committed.exitCode()).isEqualTo(DiffCommand.EXIT_CHANGES);
    assertThat(committed.out()).contains("-> HEAD (");
  }

  @Test
  void aBrokenFileIsAProblemAndItsEntitiesBecomeInvalid() throws Exception {
    pinProductionCatalogTo("7.7.7");
    CliRun run = diff();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("Become invalid").contains("production/catalog-service")
        .contains("New problems:").contains("entities/production.yaml:");
  }

  @Test
  void refusesAnUnknownBaseAndABadFormat() {
    CliRun base = diff("--base", "origin/nope");
    assertThat(base.exitCode()).isEqualTo(1);
    assertThat(base.err()).contains("no commit 'origin/nope'");
    assertThat(diff("--output", "yaml").exitCode()).isEqualTo(2);
  }
}
