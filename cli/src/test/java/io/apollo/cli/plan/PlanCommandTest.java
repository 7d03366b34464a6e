package io.apollo.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.CliRun;
import io.apollo.cli.ProjectFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code apollo plan} on the sample fleet with what its spokes report, at two instants: inside production's Saturday
 * window (2026-12-05 03:00 London) and inside the holiday freeze (Saturday 2026-12-26 03:00, window open too).
 */
class PlanCommandTest {
  private static final String IN_WINDOW = "2026-12-05T03:00:00Z";
  private static final String IN_FREEZE = "2026-12-26T03:00:00Z";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void insideTheWindowProductionUpgradesWaitOnlyForApproval() {
    JsonNode plans = plans(IN_WINDOW);

    JsonNode auth = plan(plans, "production/auth-service");
    assertThat(auth.path("type").asString()).isEqualTo("upgrade");
    assertThat(auth.path("fromVersion").asString()).isEqualTo("1.2.0");
    assertThat(auth.path("toVersion").asString()).isEqualTo("1.3.1");
    assertThat(auth.path("state").asString()).isEqualTo("PENDING");
    assertThat(auth.path("violations")).isEmpty();
    assertThat(strings(auth.path("requiredRoles"))).containsExactly("sre");

    JsonNode catalog = plan(plans, "production/catalog-service");
    assertThat(catalog.path("state").asString()).isEqualTo("PENDING");
    assertThat(strings(catalog.path("requiredRoles"))).containsExactly("sre", "vp-engineering");
  }

  @Test
  void insideTheFreezeEveryProductionPlanIsBlockedUntilItEnds() {
    JsonNode plans = plans(IN_FREEZE);

    List<JsonNode> production = new ArrayList<>();
    plans.path("plans").forEach(p -> {
      if (p.path("entity").asString().startsWith("production/")) {
        production.add(p);
      }
    });
    assertThat(production).isNotEmpty().allSatisfy(p -> {
      assertThat(p.path("state").asString()).isEqualTo("BLOCKED");
      assertThat(p.path("violations")).anySatisfy(v -> {
        assertThat(v.path("constraint").asString()).isEqualTo("holiday-freeze");
        assertThat(v.path("kind").asString()).isEqualTo("suppressionWindow");
        assertThat(v.path("unblocksAt").asString()).isEqualTo("2027-01-04T00:00:00Z");
      });
      assertThat(p.path("requiredRoles")).as("roles are listed on blocked plans too").isNotEmpty();
    });
  }

  @Test
  void outsideTheWindowProductionPlansSayWhenItNextOpens() {
    JsonNode auth = plan(plans("2026-12-02T10:00:00Z"), "production/auth-service");

    assertThat(auth.path("state").asString()).isEqualTo("BLOCKED");
    assertThat(auth.path("violations")).singleElement().satisfies(v -> {
      assertThat(v.path("constraint").asString()).isEqualTo("prod-saturday-night");
      assertThat(v.path("unblocksAt").asString()).isEqualTo("2026-12-05T02:00:00Z");
    });
  }

  @Test
  void stagingRollsBackTheFailedUpgradeAndMovesOffTheRecalledRelease() {
    JsonNode plans = plans(IN_WINDOW);

    JsonNode catalog = plan(plans, "staging/catalog-service");
    assertThat(catalog.path("type").asString()).isEqualTo("rollback");
    assertThat(catalog.path("toVersion").asString()).isEqualTo("2.1.0");
    JsonNode auth = plan(plans, "staging/auth-service");
    assertThat(auth.path("fromVersion").asString()).isEqualTo("1.3.0");
    assertThat(auth.path("toVersion").asString()).isEqualTo("1.3.1");
  }

  @Test
  void theTableShowsOnePlanALineWithReasonsInWords() {
    CliRun run = CliRun.of("plan", "--repo", ProjectFiles.sampleRepo().toString(), "--reported",
        ProjectFiles.sampleReportedState().toString(), "--at", IN_FREEZE);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Plans at " + IN_FREEZE + ": ");
    assertThat(run.out().lines().filter(l -> l.startsWith("ENTITY"))).singleElement()
        .satisfies(h -> assertThat(h).containsSubsequence("TYPE", "FROM", "TO", "STATE", "WHY"));
    assertThat(run.out().lines().filter(l -> l.startsWith("production/auth-service"))).singleElement()
        .satisfies(l -> assertThat(l).contains("upgrade").contains("1.2.0").contains("1.3.1").contains("BLOCKED")
            .contains("holiday-freeze"));
  }

  @Test
  void aRepoThatIsNotAFolderIsAUsageError() {
    CliRun run = CliRun.of("plan", "--repo", "no-such-folder");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--repo no-such-folder is not a folder");
  }

  @Test
  void aBrokenRepositoryStillPlansTheRestAndExitsOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
      throws java.io.IOException {
    java.nio.file.Path repo = ProjectFiles.copySampleRepo(temp.resolve("repo"));
    java.nio.file.Files.writeString(repo.resolve("entities/production.yaml"), "kind: [Entity\n");

    CliRun run = CliRun.of("plan", "--repo", repo.toString(), "--reported",
        ProjectFiles.sampleReportedState().toString(), "--at", IN_WINDOW);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("entities/production.yaml:");
    assertThat(run.out()).contains("staging/catalog-service").doesNotContain("production/").doesNotContain("uninstall");
  }

  @Test
  void anInstantWithoutAZoneIsReadInUtc() {
    CliRun run = CliRun.of("plan", "--repo", ProjectFiles.sampleRepo().toString(), "--at", "2026-12-05T03:00",
        "--output", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"at\" : \"2026-12-05T03:00:00Z\"");
  }

  @Test
  void aMissingReportedFileIsAUsageError() {
    CliRun run = CliRun.of("plan", "--repo", ProjectFiles.sampleRepo().toString(), "--reported", "no-such.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--reported no-such.json: no such file");
  }

  @Test
  void aBadInstantIsAUsageError() {
    CliRun run = CliRun.of("plan", "--repo", ProjectFiles.sampleRepo().toString(), "--at", "next saturday");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'next saturday' is not an instant");
  }

  private static JsonNode plans(String at) {
    CliRun run = CliRun.of("plan", "--repo", ProjectFiles.sampleRepo().toString(), "--reported",
        ProjectFiles.sampleReportedState().toString(), "--at", at, "--output", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.path("at").asString()).isEqualTo(at);
    return root;
  }

  private static JsonNode plan(JsonNode root, String entity) {
    for (JsonNode plan : root.path("plans")) {
      if (plan.path("entity").asString().equals(entity)) {
        return plan;
      }
    }
    throw new AssertionError("no plan for " + entity + " in " + root);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }
}
