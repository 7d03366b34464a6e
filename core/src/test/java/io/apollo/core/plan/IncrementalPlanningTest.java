package io.apollo.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.DesiredState;
import io.apollo.core.constraint.ConstraintEvaluator;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.LoadResult;
import io.apollo.core.report.ReportedState;
import io.apollo.core.report.SpokeReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7: planning only the entities a change can affect gives exactly what planning the whole fleet gives, for
 * each kind of change; changes that incremental planning cannot bound ask for a full pass. On the sample repository
 * and its sample reported state.
 */
class IncrementalPlanningTest {
  /** A Tuesday morning: outside the Saturday-night window, before the holiday freeze. */
  private static final Instant TUESDAY = Instant.parse("2026-12-01T10:00:00Z");
  private static final Planner PLANNER = new Planner(new ConstraintEvaluator());

  @TempDir Path temp;

  /** One change: a text replaced in a file of the sample repository, and a later clock. */
  record Change(String file, String from, String to, Duration later) {}

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("nothing changed, a minute later", new Change(null, null, null, Duration.ofMinutes(1)), true),
        Arguments.of("an entity's config changed", new Change("entities/staging.yaml", "size: 20Gi", "size: 40Gi",
            Duration.ofSeconds(5)), true),
        Arguments.of("an entity's pin changed", new Change("entities/production.yaml", "version: 1.3.1",
            "version: 1.3.0", Duration.ofSeconds(5)), true),
        Arguments.of("an entity's channel changed", new Change("entities/staging.yaml", "channel: beta",
            "channel: stable", Duration.ofSeconds(5)), true),
        Arguments.of("an entity's labels changed", new Change("entities/production.yaml", "team: platform",
            "team: data", Duration.ofSeconds(5)), true),
        Arguments.of("a window turns between the passes", new Change("entities/staging.yaml", "size: 20Gi",
            "size: 40Gi", Duration.ofDays(4)), false),
        Arguments.of("a constraint changed", new Change("constraints/holiday-freeze.yaml", "\"2026-12-20\"",
            "\"2026-11-20\"", Duration.ofSeconds(5)), false),
        Arguments.of("a release hold was added (issue 16)", new Change("constraints/holiday-freeze.yaml",
            "reason: Holiday freeze", "reason: Holiday freeze\n---\napiVersion: apollo/v1\nkind: ReleaseHold\n"
                + "metadata:\n  name: catalog-hold\nspec:\n  product: com.example:catalog-service\n"
                + "  version: 1.3.1\n  reason: canary failed\n", Duration.ofSeconds(5)), false),
        Arguments.of("a plan file was committed to the branch (the hub commits one per approved plan)",
            new Change("constraints/holiday-freeze.yaml", "reason: Holiday freeze", "reason: Holiday freeze\n---\n"
                + "apiVersion: apollo/v1\nkind: Plan\nmetadata:\n  name: pl-00000000000000aa\nspec:\n"
                + "  entity: staging/catalog-service\n  type: upgrade\n  product: com.example:catalog-service\n"
                + "  spoke: staging-spoke-1\n  fromVersion: 2.2.0-rc2\n  toVersion: 2.2.0\n  requiredRoles: []\n"
                + "  violations: []\n", Duration.ofSeconds(5)), true),
        Arguments.of("a role's members changed", new Change("policies/roles.yaml", "@example.com", "@example.org",
            Duration.ofSeconds(5)), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void incrementalPlanningGivesWhatAFullPassGives(String name, Change change, boolean incremental)
      throws IOException {
    Path repo = copySampleRepo();
    ReportedState reported = sampleReports();
    DesiredState before = load(repo);
    if (change.file() != null) {
      Path file = repo.resolve(change.file());
      String text = Files.readString(file);
      assertThat(text).contains(change.from());
      Files.writeString(file, text.replace(change.from(), change.to()));
    }
    DesiredState after = load(repo);
    if (name.startsWith("a plan file")) {
      assertThat(after.plans()).hasSize(before.plans().size() + 1);
    }
    PlanningInput previous = new PlanningInput(before, reported, TUESDAY, Map.of(), Set.of());
    PlanningInput next = new PlanningInput(after, reported, TUESDAY.plus(change.later()), Map.of(), Set.of());

    Optional<Set<io.apollo.core.config.EntityId>> affected = IncrementalPlanning.affected(previous, next);

    assertThat(affected.isPresent()).as("planned incrementally").isEqualTo(incremental);
    PlanningResult full = PLANNER.plan(next);
    affected.ifPresent(entities -> {
      if (name.startsWith("nothing changed")) {
        assertThat(entities).isEmpty();
      }
      PlanningResult replanned = PLANNER.replan(next, PLANNER.plan(previous), entities);
      assertThat(replanned).isEqualTo(full);
    });
  }

  /** Changes that are not to entity definitions (reports, approvals, failures) always ask for a full pass. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("inputsBesidesDocuments")
  void anyOtherChangeAsksForAFullPass(String name, PlanningInput next) throws IOException {
    PlanningInput previous = new PlanningInput(load(Path.of("..", "sample-repo")), sampleReports(), TUESDAY,
        Map.of(), Set.of());
    assertThat(IncrementalPlanning.affected(previous, next)).isEmpty();
  }

  static Stream<Arguments> inputsBesidesDocuments() throws IOException {
    DesiredState desired = load(Path.of("..", "sample-repo"));
    ReportedState reported = sampleReports();
    return Stream.of(
        Arguments.of("reports changed", new PlanningInput(desired, ReportedState.empty(), TUESDAY, Map.of(),
            Set.of())),
        Arguments.of("an approval given", new PlanningInput(desired, reported, TUESDAY,
            Map.of("pl-1", java.util.List.of(new io.apollo.core.config.Approval("a@example.com", Optional.of("sre"),
                Optional.of(TUESDAY)))), Set.of())),
        Arguments.of("a plan failed", new PlanningInput(desired, reported, TUESDAY, Map.of(), Set.of("pl-1"))),
        Arguments.of("the clock went back", new PlanningInput(desired, reported, TUESDAY.minusSeconds(1), Map.of(),
            Set.of())));
  }

  private static DesiredState load(Path repo) {
    LoadResult loaded = ConfigLoader.withDefaults().load(repo);
    assertThat(loaded.problems()).isEmpty();
    return loaded.state();
  }

  private static ReportedState sampleReports() throws IOException {
    Path reports = Path.of("..", "docs", "examples", "sample-reported-state.json");
    return ReportedState.of(SpokeReportJson.read(reports.toString(), Files.readAllBytes(reports)));
  }

  private Path copySampleRepo() throws IOException {
    Path sample = Path.of("..", "sample-repo").toAbsolutePath().normalize();
    Path copy = temp.resolve("repo");
    try (Stream<Path> files = Files.walk(sample)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = copy.resolve(sample.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    return copy;
  }
}
