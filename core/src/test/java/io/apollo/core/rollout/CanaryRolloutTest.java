package io.apollo.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.PlanType;
import io.apollo.core.config.ProductId;
import io.apollo.core.constraint.ConstraintEvaluator;
import io.apollo.core.constraint.ConstraintKind;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.LoadResult;
import io.apollo.core.plan.EntityDecision;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanState;
import io.apollo.core.plan.Planner;
import io.apollo.core.plan.PlanningInput;
import io.apollo.core.plan.PlanningResult;
import io.apollo.core.plan.SkipReason;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.report.HealthySince;
import io.apollo.core.report.PlanOutcome;
import io.apollo.core.report.ReportedState;
import io.apollo.core.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16, canaries: production/canary is the canary of production (bake 10 minutes). It takes a release first;
 * the rest of production waits for its bake; when it fails or degrades on a release the rollout halts (a hold),
 * the held release is never a target there (the canary rolls back off it), and lifting the hold lets a fixed
 * release through.
 */
class CanaryRolloutTest {
  private static final EntityId CANARY = EntityId.parse("production/canary");
  private static final EntityId WEB = EntityId.parse("production/web");
  private static final ProductId HELLO = ProductId.parse("com.example:hello");
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final Planner PLANNER = new Planner(new ConstraintEvaluator());

  @TempDir Path repo;

  @Test
  void theCanaryTakesTheReleaseFirstAndTheOthersWaitForItsBake() throws IOException {
    DesiredState desired = load("1.1.0", "1.2.0");
    PlanningResult result = plan(desired, reports(
        running(CANARY, "1.1.0", EntityState.RUNNING, Health.HEALTHY), running(WEB, "1.1.0", EntityState.RUNNING,
            Health.HEALTHY)), Map.of());

    assertThat(plan(result, CANARY).state()).isEqualTo(PlanState.APPROVED);
    Plan web = plan(result, WEB);
    assertThat(web.state()).isEqualTo(PlanState.BLOCKED);
    assertThat(web.verdicts()).filteredOn(v -> v.kind() == ConstraintKind.PROMOTION).singleElement()
        .satisfies(v -> {
          assertThat(v.constraint()).isEqualTo("canary:production/canary");
          assertThat(v.message()).contains("production/canary runs 1.1.0, not 1.2.0");
        });

    // Ten minutes healthy on the canary, and the others follow.
    Map<EntityId, HealthySince> baked = Map.of(CANARY, new HealthySince(CANARY, Version.parse("1.2.0"),
        NOW.minusSeconds(601)));
    PlanningResult later = plan(desired, reports(running(CANARY, "1.2.0", EntityState.RUNNING, Health.HEALTHY),
        running(WEB, "1.1.0", EntityState.RUNNING, Health.HEALTHY)), baked);
    assertThat(plan(later, WEB).state()).isEqualTo(PlanState.APPROVED);
  }

  /** The hub plans incrementally: a canary's bake ending between two passes must ask for a full pass. */
  @Test
  void theEndOfACanarysBakeBetweenTwoPassesAsksForAFullPass() throws IOException {
    DesiredState desired = load("1.1.0", "1.2.0");
    Instant since = NOW.minusSeconds(595);
    ReportedState reported = reports(running(CANARY, "1.2.0", EntityState.RUNNING, Health.HEALTHY),
        running(WEB, "1.1.0", EntityState.RUNNING, Health.HEALTHY))
        .withHealthySince(Map.of(CANARY, new HealthySince(CANARY, Version.parse("1.2.0"), since)));
    PlanningInput before = PlanningInput.of(desired, reported, NOW);
    PlanningInput after = PlanningInput.of(desired, reported, NOW.plusSeconds(10));
    assertThat(io.apollo.core.plan.IncrementalPlanning.affected(before, after)).isEmpty();
    assertThat(plan(PLANNER.plan(after), WEB).state()).isEqualTo(PlanState.APPROVED);
  }

  static Stream<Arguments> canaryReports() {
    return Stream.of(
        arguments("degraded on the new release: halt", running(CANARY, "1.2.0", EntityState.DEGRADED,
            Health.UNHEALTHY), Optional.of(HaltReason.CANARY_DEGRADED)),
        arguments("its upgrade failed: halt", new EntityReport(CANARY, HELLO, Optional.of(Version.parse("1.1.0")),
            EntityState.FAILED, Health.UNHEALTHY, Optional.empty(), Optional.of("pl-1"),
            Optional.of(PlanOutcome.FAILED), Optional.of(Version.parse("1.1.0")), "never passed its health check",
            NOW), Optional.of(HaltReason.CANARY_FAILED)),
        arguments("healthy on the new release: nothing to halt", running(CANARY, "1.2.0", EntityState.RUNNING,
            Health.HEALTHY), Optional.empty()),
        arguments("degraded on what everyone runs: an incident, not a bad release", running(CANARY, "1.1.0",
            EntityState.DEGRADED, Health.UNHEALTHY), Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("canaryReports")
  void aCanaryThatFailsOrDegradesHaltsTheRollout(String name, EntityReport canary, Optional<HaltReason> expected)
      throws IOException {
    DesiredState desired = load("1.1.0", "1.2.0");
    ReportedState reported = reports(canary, running(WEB, "1.1.0", EntityState.RUNNING, Health.HEALTHY));
    List<Halt> halts = HaltDetector.halts(desired, reported, plan(desired, reported, Map.of()));

    assertThat(halts.stream().map(Halt::reason).findFirst()).isEqualTo(expected);
    halts.forEach(h -> {
      assertThat(h.version()).isEqualTo(Version.parse("1.2.0"));
      assertThat(h.environments()).containsExactly("production");
      assertThat(h.message()).contains("canary production/canary").contains("1.2.0").contains("halted");
    });
  }

  @Test
  void aHeldReleaseIsNoTargetTheCanaryRollsBackAndLiftingTheHoldLetsAFixedReleaseThrough() throws IOException {
    DesiredState unheld = load("1.1.0", "1.2.0");
    ReportedState degraded = reports(running(CANARY, "1.2.0", EntityState.DEGRADED, Health.UNHEALTHY),
        running(WEB, "1.1.0", EntityState.RUNNING, Health.HEALTHY));
    Halt halt = HaltDetector.halts(unheld, degraded, plan(unheld, degraded, Map.of())).getFirst();
    // The hub commits the hold's file; the next commit loads with it.
    Files.writeString(repo.resolve(HoldFile.path(halt).replace('/', '_')), HoldFile.render(halt, NOW));
    DesiredState held = reload();
    assertThat(held.holds()).singleElement().satisfies(h -> {
      assertThat(h.canary()).contains(CANARY);
      assertThat(h.version()).isEqualTo(Version.parse("1.2.0"));
    });

    PlanningResult result = plan(held, degraded, Map.of());
    Plan rollback = plan(result, CANARY);
    assertThat(rollback.type()).isEqualTo(PlanType.ROLLBACK);
    assertThat(rollback.toVersion()).contains(Version.parse("1.1.0"));
    EntityDecision web = result.decision(WEB).orElseThrow();
    assertThat(web.plan()).isEmpty();
    assertThat(web.skipped()).anySatisfy(s -> {
      assertThat(s.reason()).isEqualTo(SkipReason.HELD);
      assertThat(s.message()).contains("1.2.0 is held in production").contains("apollo release unhold");
    });
    assertThat(HaltDetector.halts(held, degraded, result)).as("held already: no second hold").isEmpty();

    // A fixed 1.3.0 is published and the hold lifted: the canary takes it first.
    Files.delete(repo.resolve(HoldFile.path(halt).replace('/', '_')));
    writeRelease("1.3.0");
    DesiredState fixed = reload();
    ReportedState rolledBack = reports(running(CANARY, "1.1.0", EntityState.RUNNING, Health.HEALTHY),
        running(WEB, "1.1.0", EntityState.RUNNING, Health.HEALTHY));
    Plan upgrade = plan(plan(fixed, rolledBack, Map.of()), CANARY);
    assertThat(upgrade.toVersion()).contains(Version.parse("1.3.0"));
    assertThat(upgrade.state()).isEqualTo(PlanState.APPROVED);
  }

  private static Plan plan(PlanningResult result, EntityId id) {
    return result.decision(id).orElseThrow().plan().orElseThrow(() -> new AssertionError("no plan for " + id + ": "
        + result.decision(id)));
  }

  private static PlanningResult plan(DesiredState desired, ReportedState reported,
      Map<EntityId, HealthySince> history) {
    return PLANNER.plan(PlanningInput.of(desired, reported.withHealthySince(history), NOW));
  }

  private static EntityReport running(EntityId id, String version, EntityState state, Health health) {
    return new EntityReport(id, HELLO, Optional.of(Version.parse(version)), state, health, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), "", NOW.minusSeconds(5));
  }

  private static ReportedState reports(EntityReport... reports) {
    Map<EntityId, EntityReport> byId = new TreeMap<>();
    for (EntityReport r : reports) {
      byId.put(r.entity(), r);
    }
    return new ReportedState(byId);
  }

  private DesiredState load(String... versions) throws IOException {
    Files.writeString(repo.resolve("fleet.yaml"), """
        apiVersion: apollo/v1
        kind: Product
        metadata:
          name: com.example:hello
        spec:
          type: sls-service
        ---
        apiVersion: apollo/v1
        kind: Environment
        metadata:
          name: production
        spec:
          spokes: [{name: spoke-production}]
        ---
        apiVersion: apollo/v1
        kind: Entity
        metadata:
          name: canary
        spec:
          product: com.example:hello
          environment: production
          channel: stable
          canary:
            of: production
            bake: PT10M
        ---
        apiVersion: apollo/v1
        kind: Entity
        metadata:
          name: web
        spec:
          product: com.example:hello
          environment: production
          channel: stable
        """);
    for (String v : versions) {
      writeRelease(v);
    }
    return reload();
  }

  private void writeRelease(String version) throws IOException {
    Files.writeString(repo.resolve("release-" + version + ".yaml"), """
        apiVersion: apollo/v1
        kind: Release
        metadata:
          name: hello-%1$s
        spec:
          product: com.example:hello
          version: %1$s
          manifest:
            manifest-version: "1.0"
            product-type: service.v1
            product-group: com.example
            product-name: hello
            product-version: %1$s
        """.formatted(version));
  }

  private DesiredState reload() {
    LoadResult loaded = ConfigLoader.withDefaults().load(repo);
    assertThat(loaded.problems()).isEmpty();
    return loaded.state();
  }
}
