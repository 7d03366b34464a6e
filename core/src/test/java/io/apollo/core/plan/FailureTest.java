package io.apollo.core.plan;

import io.apollo.core.config.PlanType;
import static io.apollo.core.plan.Expect.none;
import static io.apollo.core.plan.Expect.plan;
import static io.apollo.core.plan.Fleet.fleet;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.ConfigDigest;
import io.apollo.core.config.EntityId;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.report.PlanOutcome;
import io.apollo.core.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Automatic rollback after a failure, plans that failed before, and plans in flight. Releases 1.1.0, 1.2.0, 1.3.0
 * and 1.3.1 of catalog exist in every case.
 */
class FailureTest {
  static final String E = "production/catalog";
  static final String P = "com.example:catalog";
  static final EntityId ID = EntityId.parse(E);
  /** The id of "upgrade 1.2.0 to 1.3.0 with no config", the change that failed in several cases. */
  static final String FAILED_UPGRADE = PlanIds.of(ID, PlanType.UPGRADE, version("1.2.0"), version("1.3.0"),
      ConfigDigest.of(Map.of()));
  static final String FAILED_INSTALL = PlanIds.of(ID, PlanType.INSTALL, Optional.empty(), version("1.3.0"),
      ConfigDigest.of(Map.of()));

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("failed upgrade rolls back to the last healthy version",
            setup(f -> f.pinned(E, P, "1.3.0").report(E, r -> r.version("1.3.0").state(EntityState.FAILED)
                .lastHealthy("1.2.0"))), Set.of(),
            plan(PlanType.ROLLBACK, "1.3.0", "1.2.0", PlanReason.AUTO_ROLLBACK)),
        Arguments.of("automatic rollback comes before a newer target",
            setup(f -> f.pinned(E, P, "1.3.1").report(E, r -> r.version("1.3.0").state(EntityState.FAILED)
                .lastHealthy("1.2.0"))), Set.of(),
            plan(PlanType.ROLLBACK, "1.3.0", "1.2.0", PlanReason.AUTO_ROLLBACK)),
        Arguments.of("failed upgrade that left nothing installed rolls back too",
            setup(f -> f.pinned(E, P, "1.3.0").report(E, r -> r.nothingInstalled().state(EntityState.FAILED)
                .lastHealthy("1.2.0"))), Set.of(),
            plan(PlanType.ROLLBACK, null, "1.2.0", PlanReason.AUTO_ROLLBACK)),
        Arguments.of("last healthy version recalled: newest older eligible release",
            setup(f -> f.release(P, "1.2.5", r -> r.recalled("CVE-1")).pinned(E, P, "1.3.0")
                .report(E, r -> r.version("1.3.0").state(EntityState.FAILED).lastHealthy("1.2.5"))), Set.of(),
            plan(PlanType.ROLLBACK, "1.3.0", "1.2.0", PlanReason.AUTO_ROLLBACK)),
        Arguments.of("last healthy version recalled and nothing older eligible: a person must act",
            setup(f -> f.release(P, "1.0.0", r -> r.recalled("CVE-0")).pinned(E, P, "1.3.0")
                .report(E, r -> r.version("1.3.0").state(EntityState.FAILED).lastHealthy("1.0.0"))), Set.of(),
            none(NoPlanReason.NEEDS_OPERATOR)),
        Arguments.of("a failed upgrade that left the old version running healthy rolls back to it, not below it",
            setup(f -> f.pinned(E, P, "1.3.0").report(E, r -> r.version("1.2.0").state(EntityState.FAILED)
                .lastHealthy("1.0.0").lastPlan(FAILED_UPGRADE, PlanOutcome.FAILED))), Set.of(FAILED_UPGRADE),
            plan(PlanType.ROLLBACK, "1.2.0", "1.2.0", PlanReason.AUTO_ROLLBACK)),
        Arguments.of("failed with no healthy version: a person must act",
            setup(f -> f.pinned(E, P, "1.3.0").report(E, r -> r.version("1.3.0").state(EntityState.FAILED))),
            Set.of(), none(NoPlanReason.NEEDS_OPERATOR)),
        Arguments.of("failed at its last healthy version: a person must act",
            setup(f -> f.pinned(E, P, "1.3.0").report(E, r -> r.version("1.3.0").state(EntityState.FAILED)
                .lastHealthy("1.3.0"))), Set.of(), none(NoPlanReason.NEEDS_OPERATOR)),
        Arguments.of("failed with no healthy version, then the pin moved: the new change is proposed",
            setup(f -> f.pinned(E, P, "1.3.1").report(E, r -> r.version("1.3.0").state(EntityState.FAILED))),
            Set.of(), plan(PlanType.UPGRADE, "1.3.0", "1.3.1", PlanReason.PIN_CHANGED)),
        Arguments.of("failed install is not proposed again",
            setup(f -> f.pinned(E, P, "1.3.0").report(E, r -> r.nothingInstalled().state(EntityState.FAILED))),
            Set.of(FAILED_INSTALL), none(NoPlanReason.FAILED_BEFORE)),
        Arguments.of("the failed upgrade is not proposed again after the rollback",
            setup(f -> f.pinned(E, P, "1.3.0").runs(E, "1.2.0")), Set.of(FAILED_UPGRADE),
            none(NoPlanReason.FAILED_BEFORE)),
        Arguments.of("the spoke's own report of a failed plan counts",
            setup(f -> f.pinned(E, P, "1.3.0").report(E, r -> r.version("1.2.0")
                .lastPlan(FAILED_UPGRADE, PlanOutcome.FAILED))), Set.of(), none(NoPlanReason.FAILED_BEFORE)),
        Arguments.of("a new config makes a new change",
            setup(f -> f.pinned(E, P, "1.3.0").config(E, Map.of("heap", "2g")).runs(E, "1.2.0")),
            Set.of(FAILED_UPGRADE), plan(PlanType.UPGRADE, "1.2.0", "1.3.0", PlanReason.PIN_CHANGED)),
        Arguments.of("a new version makes a new change",
            setup(f -> f.pinned(E, P, "1.3.1").runs(E, "1.2.0")), Set.of(FAILED_UPGRADE),
            plan(PlanType.UPGRADE, "1.2.0", "1.3.1", PlanReason.PIN_CHANGED)),
        Arguments.of("an installing entity is in flight",
            setup(f -> f.pinned(E, P, "1.3.1").report(E, r -> r.version("1.2.0").state(EntityState.INSTALLING))),
            Set.of(), none(NoPlanReason.IN_FLIGHT)),
        Arguments.of("a running last plan is in flight",
            setup(f -> f.pinned(E, P, "1.3.1").report(E, r -> r.version("1.2.0")
                .lastPlan("pl-0000000000000000", PlanOutcome.RUNNING))), Set.of(), none(NoPlanReason.IN_FLIGHT)),
        Arguments.of("a failed entity whose rollback is running is in flight",
            setup(f -> f.pinned(E, P, "1.3.0").report(E, r -> r.version("1.3.0").state(EntityState.FAILED)
                .lastHealthy("1.2.0").lastPlan("pl-0000000000000000", PlanOutcome.RUNNING))), Set.of(),
            none(NoPlanReason.IN_FLIGHT)),
        Arguments.of("absent wins over automatic rollback",
            setup(f -> f.pinned(E, P, "1.3.0").absent(E).report(E, r -> r.version("1.3.0")
                .state(EntityState.FAILED).lastHealthy("1.2.0"))), Set.of(),
            plan(PlanType.UNINSTALL, "1.3.0", null, PlanReason.ABSENT)),
        Arguments.of("a degraded entity is not rolled back automatically",
            setup(f -> f.pinned(E, P, "1.3.0").report(E, r -> r.version("1.3.0").state(EntityState.DEGRADED)
                .health(Health.UNHEALTHY).lastHealthy("1.2.0"))), Set.of(), none(NoPlanReason.IN_SYNC)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(String name, Consumer<Fleet> setup, Set<String> failedPlanIds, Expect expected) {
    Fleet fleet = fleet().release(P, "1.1.0").release(P, "1.2.0").release(P, "1.3.0").release(P, "1.3.1");
    setup.accept(fleet);
    PlanningInput input = new PlanningInput(fleet.desired(), fleet.reported(), Fleet.NOW, Map.of(), failedPlanIds);

    expected.check(new Planner((change, context) -> List.of()).plan(input).decision(ID).orElseThrow());
  }

  @Test
  void failedBeforeNamesThePlanAndWhatToDo() {
    Fleet fleet = fleet().release(P, "1.2.0").release(P, "1.3.0").pinned(E, P, "1.3.0").runs(E, "1.2.0");
    PlanningInput input =
        new PlanningInput(fleet.desired(), fleet.reported(), Fleet.NOW, Map.of(), Set.of(FAILED_UPGRADE));

    NoPlan noPlan = new Planner((change, context) -> List.of()).plan(input).decision(ID).orElseThrow()
        .noPlan().orElseThrow();

    assertThat(noPlan.message()).contains(FAILED_UPGRADE).contains("already ran and failed")
        .contains("change the version or config");
  }

  @Test
  void rollbackPlanIsHeldToConstraintsLikeAnyOther() {
    Fleet fleet = fleet().release(P, "1.2.0").release(P, "1.3.0").pinned(E, P, "1.3.0")
        .report(E, r -> r.version("1.3.0").state(EntityState.FAILED).lastHealthy("1.2.0"));
    List<PlanType> judged = new ArrayList<>();

    new Planner((change, context) -> {
      judged.add(change.type());
      assertThat(change.targetRelease().map(r -> r.version().toString())).contains("1.2.0");
      return List.of();
    }).plan(fleet.input());

    assertThat(judged).containsExactly(PlanType.ROLLBACK);
  }

  private static Optional<Version> version(String v) {
    return Optional.of(Version.parse(v));
  }

  static Consumer<Fleet> setup(Consumer<Fleet> setup) {
    return setup;
  }
}
