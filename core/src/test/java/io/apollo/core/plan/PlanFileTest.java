package io.apollo.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.PlanDocument;
import io.apollo.core.constraint.ConstraintEvaluator;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.LoadResult;
import io.apollo.core.report.ReportedState;
import io.apollo.core.report.SpokeReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the hub will commit, the loader reads back: every plan the sample fleet gets (pending, approved, blocked with
 * violations) is written with {@link PlanFile} into a copy of sample-repo, which then loads with no problem and holds
 * the same plans.
 */
class PlanFileTest {
  private static final String COMMIT = "3f6c2a1d9e8b7c6a5f4e3d2c1b0a99887766554f";

  @TempDir Path repo;

  @ParameterizedTest(name = "plans at {0}")
  @ValueSource(strings = {"2026-12-05T03:00:00Z", "2026-12-26T03:00:00Z", "2026-12-02T10:00:00Z"})
  void plansWrittenAsFilesLoadBackUnchanged(String at) throws IOException {
    copySampleRepo();
    List<Plan> plans = planSampleFleet(Instant.parse(at)).plans();
    assertThat(plans).isNotEmpty();

    for (Plan plan : plans) {
      Path file = repo.resolve(PlanFile.path(plan));
      Files.createDirectories(file.getParent());
      Files.writeString(file, PlanFile.render(plan, Optional.of(COMMIT)));
    }
    LoadResult loaded = ConfigLoader.withDefaults().load(repo);

    assertThat(loaded.problems()).isEmpty();
    Map<String, PlanDocument> documents =
        loaded.state().plans().stream().collect(Collectors.toMap(PlanDocument::id, Function.identity()));
    assertThat(documents).hasSameSizeAs(plans);
    for (Plan plan : plans) {
      PlanDocument document = documents.get(plan.id());
      assertThat(document.entity()).isEqualTo(plan.entity());
      assertThat(document.type()).isEqualTo(plan.type());
      assertThat(document.fromVersion()).isEqualTo(plan.fromVersion());
      assertThat(document.toVersion()).isEqualTo(plan.toVersion());
      assertThat(document.configDigest()).isEqualTo(plan.configDigest());
      assertThat(document.requiredRoles()).containsExactlyInAnyOrderElementsOf(plan.requiredRoles());
      assertThat(document.violations()).hasSameSizeAs(plan.violations());
      assertThat(document.computedFrom()).contains(COMMIT);
    }
  }

  @Test
  void namesTheFileAndBranchAfterTheEnvironmentAndId() {
    Plan plan = planSampleFleet(Instant.parse("2026-12-05T03:00:00Z")).plan(
        io.apollo.core.config.EntityId.parse("production/auth-service")).orElseThrow();

    assertThat(PlanFile.path(plan)).isEqualTo("plans/production/" + plan.id() + ".yaml");
    assertThat(PlanFile.branch(plan)).isEqualTo("apollo/plan/" + plan.id());
    assertThat(PlanFile.render(plan, Optional.empty()))
        .contains("kind: Plan")
        .contains("  entity: production/auth-service")
        .contains("  type: upgrade")
        .contains("  fromVersion: 1.2.0")
        .contains("  toVersion: 1.3.1")
        .contains("  - sre")
        .doesNotContain("computedFrom");
  }

  private PlanningResult planSampleFleet(Instant at) {
    Path sample = Path.of("..", "sample-repo");
    ReportedState reported;
    try {
      Path reports = Path.of("..", "docs", "examples", "sample-reported-state.json");
      reported = ReportedState.of(SpokeReportJson.read(reports.toString(), Files.readAllBytes(reports)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new Planner(new ConstraintEvaluator())
        .plan(PlanningInput.of(ConfigLoader.withDefaults().load(sample).state(), reported, at));
  }

  private void copySampleRepo() throws IOException {
    Path sample = Path.of("..", "sample-repo").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(sample)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = repo.resolve(sample.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
  }
}
