package io.apollo.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.constraint.ConstraintEvaluator;
import io.apollo.core.report.EntityState;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.LoadResult;
import io.apollo.core.plan.NoPlanReason;
import io.apollo.core.config.PlanType;
import io.apollo.core.plan.Planner;
import io.apollo.core.plan.PlanningInput;
import io.apollo.core.plan.PlanningResult;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.Health;
import io.apollo.core.report.ReportedState;
import io.apollo.core.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md's promise, end to end through the real loader and planner on a copy of sample-repo: a config file that
 * cannot be read never leads to an uninstall or a downgrade. The fleet starts in sync (every entity runs its target,
 * healthy, with its config), so any plan that appears after a file is broken was caused by the breakage.
 */
class BrokenConfigSafetyTest {
  /** Saturday 2026-12-05 03:00 London: production's window is open, no freeze, so nothing is held back by time. */
  private static final Instant AT = Instant.parse("2026-12-05T03:00:00Z");

  /** What each entity of sample-repo runs when in sync: its pin, or the newest eligible release on its channel. */
  private static final Map<String, String> IN_SYNC = Map.of(
      "staging/postgres-db", "15.5.20", "staging/auth-service", "1.3.1", "staging/catalog-service", "2.2.0-rc2",
      "staging/storefront-web", "3.5.0", "staging/recommendations-service", "0.10.0",
      "production/postgres-db", "15.5.20", "production/auth-service", "1.3.1", "production/catalog-service", "2.1.0",
      "production/storefront-web", "3.5.0", "production/recommendations-service", "0.10.0");

  @TempDir Path repo;
  private ReportedState inSync;

  @BeforeEach
  void copySampleRepoRunningInSync() throws IOException {
    Path sample = Path.of("..", "sample-repo").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(sample)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = repo.resolve(sample.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
    DesiredState intact = load().state();
    Map<EntityId, EntityReport> reports = new HashMap<>();
    for (Entity entity : intact.entities().values()) {
      reports.put(entity.id(), new EntityReport(entity.id(), entity.product(),
          Optional.of(Version.parse(IN_SYNC.get(entity.id().toString()))), EntityState.RUNNING, Health.HEALTHY,
          Optional.of(entity.configDigest()), Optional.empty(), Optional.empty(), Optional.empty(), "", AT));
    }
    inSync = new ReportedState(reports);
  }

  @Test
  void theIntactFleetNeedsNothing() {
    assertThat(plan().plans()).isEmpty();
  }

  @Test
  void anEntityFileThatDoesNotParseUninstallsNothing() throws IOException {
    Files.writeString(repo.resolve("entities/production.yaml"), "apiVersion: apollo/v1\nkind: [Entity\n");

    PlanningResult result = plan();

    assertSafe(result);
    assertThat(result.plans()).isEmpty();
    assertThat(result.decision(EntityId.parse("production/catalog-service")).orElseThrow().noPlan())
        .hasValueSatisfying(n -> assertThat(n.reason()).isEqualTo(NoPlanReason.NOT_DESIRED));
  }

  @Test
  void anEntityDocumentThatFailsItsSchemaIsLeftAloneAsInvalid() throws IOException {
    replace("entities/production.yaml", "  product: com.example:postgres-db\n",
        "  product: com.example:postgres-db\n  replicas: 3\n");

    PlanningResult result = plan();

    assertSafe(result);
    assertThat(result.plans()).isEmpty();
    assertThat(result.decision(EntityId.parse("production/postgres-db")).orElseThrow().noPlan())
        .hasValueSatisfying(n -> assertThat(n.reason()).isEqualTo(NoPlanReason.DEFINITION_INVALID));
  }

  @Test
  void aReleaseFileThatDoesNotParseDowngradesNoFollower() throws IOException {
    Files.writeString(repo.resolve("releases/storefront-web.yaml"), "apiVersion: apollo/v1\n\tkind: Release\n");

    PlanningResult result = plan();

    assertSafe(result);
    assertThat(result.plans()).isEmpty();
  }

  @Test
  void aBrokenNewestReleaseDowngradesNoFollowerRunningIt() throws IOException {
    replace("releases/storefront-web.yaml", "  version: 3.5.0\n", "  version: 3.5.0\n  channel: stable\n");

    LoadResult loaded = load();
    PlanningResult result = plan();

    assertThat(loaded.problems()).isNotEmpty();
    assertSafe(result);
    assertThat(result.plans()).as("followers of stable keep 3.5.0 though 3.4.0 is the newest readable").isEmpty();
  }

  @Test
  void aBrokenProductLeavesItsEntitiesAlone() throws IOException {
    replace("products/auth-service.yaml", "type: sls-service", "type: sls-servce");

    PlanningResult result = plan();

    assertSafe(result);
    assertThat(result.decision(EntityId.parse("production/auth-service")).orElseThrow().noPlan())
        .hasValueSatisfying(n -> assertThat(n.reason()).isEqualTo(NoPlanReason.DEFINITION_INVALID));
  }

  @Test
  void onlyStateAbsentUninstallsAndItNeedsNoVersion() throws IOException {
    replace("entities/production.yaml", "  version: 0.10.0\n", "  state: absent\n");

    PlanningResult result = plan();

    assertThat(result.plans()).singleElement().satisfies(plan -> {
      assertThat(plan.entity()).isEqualTo(EntityId.parse("production/recommendations-service"));
      assertThat(plan.type()).isEqualTo(PlanType.UNINSTALL);
      assertThat(plan.fromVersion()).hasValueSatisfying(v -> assertThat(v).hasToString("0.10.0"));
      assertThat(plan.toVersion()).isEmpty();
    });
  }

  /** No uninstall, no rollback, no plan to a version below the one running. */
  private static void assertSafe(PlanningResult result) {
    assertThat(result.plans()).allSatisfy(plan -> {
      assertThat(plan.type()).isNotIn(PlanType.UNINSTALL, PlanType.ROLLBACK);
      if (plan.fromVersion().isPresent() && plan.toVersion().isPresent()) {
        assertThat(plan.toVersion().get().compareTo(plan.fromVersion().get())).isGreaterThanOrEqualTo(0);
      }
    });
  }

  private void replace(String file, String from, String to) throws IOException {
    Path path = repo.resolve(file);
    String text = Files.readString(path);
    assertThat(text).contains(from);
    Files.writeString(path, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
  }

  private LoadResult load() {
    return ConfigLoader.withDefaults().load(repo);
  }

  private PlanningResult plan() {
    return new Planner(new ConstraintEvaluator()).plan(PlanningInput.of(load().state(), inSync, AT));
  }

}
