package io.apollo.core.constraint;

import static io.apollo.core.constraint.Fixtures.change;
import static io.apollo.core.constraint.Fixtures.constraint;
import static io.apollo.core.constraint.Fixtures.desired;
import static io.apollo.core.constraint.Fixtures.entity;
import static io.apollo.core.constraint.Fixtures.release;
import static io.apollo.core.constraint.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.apollo.core.config.ConstraintRule.Promotion;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.PlanType;
import io.apollo.core.config.Release;
import io.apollo.core.config.Selector;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.report.HealthHistory;
import io.apollo.core.report.HealthySince;
import io.apollo.core.report.ReportedState;
import io.apollo.core.version.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The promotion gate (issue 16): production takes a release only after it baked an hour in staging. */
class PromotionConstraintTest {
  private static final String CATALOG = "com.example:catalog";
  private static final Release V110 = release(CATALOG, "1.1.0");
  private static final Entity STAGING = entity("staging/catalog", CATALOG, "1.1.0");
  private static final Entity PRODUCTION = entity("production/catalog", CATALOG, "1.1.0");
  private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
  private static final Duration BAKE = Duration.ofHours(1);
  private static final DesiredState DESIRED = desired(List.of(V110), List.of(STAGING, PRODUCTION),
      List.of(constraint("bake-in-staging", new Selector(Set.of("production"), Set.of(), Set.of(), Map.of()),
          new Promotion(new Selector(Set.of("staging"), Set.of(), Set.of(), Map.of()), BAKE))));

  static Stream<Arguments> cases() {
    EntityReport healthy = report("staging/catalog", CATALOG, "1.1.0", EntityState.RUNNING, Health.HEALTHY);
    return Stream.of(
        arguments("bake not yet done: blocked until it ends", healthy, Optional.of(T0), T0.plusSeconds(600),
            false, Optional.of(T0.plus(BAKE)), "healthy for 10m of 1h"),
        arguments("bake done exactly at its end", healthy, Optional.of(T0), T0.plus(BAKE), true, Optional.empty(),
            "ran 1.1.0 healthy for 1h"),
        arguments("bake long done", healthy, Optional.of(T0), T0.plus(Duration.ofDays(2)), true, Optional.empty(),
            "healthy for 2d"),
        arguments("source unhealthy: no time can be given",
            report("staging/catalog", CATALOG, "1.1.0", EntityState.DEGRADED, Health.UNHEALTHY), Optional.empty(),
            T0.plus(BAKE), false, Optional.empty(), "is DEGRADED, unhealthy"),
        arguments("source health unknown",
            report("staging/catalog", CATALOG, "1.1.0", EntityState.RUNNING, Health.UNKNOWN), Optional.empty(),
            T0.plus(BAKE), false, Optional.empty(), "health UNKNOWN"),
        arguments("source failed on the release",
            report("staging/catalog", CATALOG, "1.1.0", EntityState.FAILED, Health.UNHEALTHY), Optional.empty(),
            T0.plus(BAKE), false, Optional.empty(), "failed on 1.1.0"),
        arguments("source still on the old release",
            report("staging/catalog", CATALOG, "1.0.0", EntityState.RUNNING, Health.HEALTHY), Optional.empty(),
            T0.plus(BAKE), false, Optional.empty(), "runs 1.0.0, not 1.1.0"),
        arguments("source not reported", null, Optional.empty(), T0.plus(BAKE), false, Optional.empty(),
            "has not reported"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gate(String name, EntityReport source, Optional<Instant> healthySince, Instant now, boolean satisfied,
      Optional<Instant> unblocksAt, String words) {
    Map<EntityId, EntityReport> reports = new TreeMap<>();
    if (source != null) {
      reports.put(source.entity(), source);
    }
    Map<EntityId, HealthySince> history = new TreeMap<>();
    healthySince.ifPresent(t -> history.put(STAGING.id(), new HealthySince(STAGING.id(), V110.version(), t)));
    Verdict verdict = evaluate(new ReportedState(reports, history), now, PlanType.UPGRADE);

    assertThat(verdict.kind()).isEqualTo(ConstraintKind.PROMOTION);
    assertThat(verdict.satisfied()).as(verdict.message()).isEqualTo(satisfied);
    assertThat(verdict.unblocksAt()).isEqualTo(unblocksAt);
    assertThat(verdict.message()).contains("staging/catalog").contains(words);
  }

  @Test
  void aRestartedHubCountsTheBakeFromTheStoredHistoryNotFromItsStart() {
    // The hub saw staging healthy at T0, stored it, and restarts at T0+50m; the report it then reads is newer.
    EntityReport later = new EntityReport(STAGING.id(), STAGING.product(), Optional.of(V110.version()),
        EntityState.RUNNING, Health.HEALTHY, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        "", T0.plus(Duration.ofMinutes(50)));
    Map<EntityId, HealthySince> stored = Map.of(STAGING.id(), new HealthySince(STAGING.id(), V110.version(), T0));
    ReportedState afterRestart = new ReportedState(Map.of(STAGING.id(), later));
    Instant restartedAt = T0.plus(Duration.ofMinutes(50));
    Map<EntityId, HealthySince> kept = HealthHistory.update(stored, afterRestart, restartedAt);

    Verdict verdict = evaluate(afterRestart.withHealthySince(kept), restartedAt, PlanType.UPGRADE);

    assertThat(verdict.unblocksAt()).contains(T0.plus(BAKE));
    assertThat(verdict.message()).contains("healthy for 50m of 1h");
    // Without the stored history the bake would start over at the report's time.
    Map<EntityId, HealthySince> forgotten = HealthHistory.update(Map.of(), afterRestart, restartedAt);
    assertThat(evaluate(afterRestart.withHealthySince(forgotten), restartedAt, PlanType.UPGRADE).unblocksAt())
        .contains(restartedAt.plus(BAKE));
  }

  @Test
  void theClockMovingPastTheBakeEndLiftsTheGateWithNoNewReport() {
    ReportedState reported = healthySince(T0);
    Verdict before = evaluate(reported, T0.plus(BAKE).minusMillis(1), PlanType.UPGRADE);
    Verdict after = evaluate(reported, T0.plus(BAKE).plusMillis(1), PlanType.UPGRADE);

    assertThat(before.violated()).isTrue();
    assertThat(after.satisfied()).isTrue();
    assertThat(VerdictChanges.bakeMayEnd(DESIRED.constraints(), reported, T0, T0.plus(BAKE))).isTrue();
    assertThat(VerdictChanges.bakeMayEnd(DESIRED.constraints(), reported, T0.plus(BAKE), T0.plus(Duration.ofDays(1))))
        .isFalse();
  }

  @Test
  void aBreakInHealthRestartsTheBake() {
    Map<EntityId, HealthySince> history = Map.of(STAGING.id(), new HealthySince(STAGING.id(), V110.version(), T0));
    EntityReport degraded = report("staging/catalog", CATALOG, "1.1.0", EntityState.DEGRADED, Health.UNHEALTHY);
    Map<EntityId, HealthySince> broken =
        HealthHistory.update(history, new ReportedState(Map.of(STAGING.id(), degraded)), T0.plusSeconds(60));
    assertThat(broken).isEmpty();

    Instant again = T0.plusSeconds(120);
    EntityReport healthy = new EntityReport(STAGING.id(), STAGING.product(), Optional.of(V110.version()),
        EntityState.RUNNING, Health.HEALTHY, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        "", again);
    Map<EntityId, HealthySince> restarted =
        HealthHistory.update(broken, new ReportedState(Map.of(STAGING.id(), healthy)), again);
    assertThat(restarted.get(STAGING.id()).since()).isEqualTo(again);
  }

  @Test
  void aNewVersionStartsItsOwnBake() {
    Map<EntityId, HealthySince> history =
        Map.of(STAGING.id(), new HealthySince(STAGING.id(), Version.parse("1.0.0"), T0.minus(Duration.ofDays(9))));
    ReportedState reported = new ReportedState(Map.of(STAGING.id(),
        report("staging/catalog", CATALOG, "1.1.0", EntityState.RUNNING, Health.HEALTHY)));
    Map<EntityId, HealthySince> next = HealthHistory.update(history, reported, T0);
    assertThat(next.get(STAGING.id()).version()).isEqualTo(V110.version());
    assertThat(next.get(STAGING.id()).since()).isEqualTo(Fixtures.REPORTED_AT);
  }

  @Test
  void rollbacksAreNeverHeldForABake() {
    ReportedState reported = new ReportedState(Map.of());
    assertThat(evaluate(reported, T0, PlanType.ROLLBACK).satisfied()).isTrue();
    assertThat(evaluate(reported, T0, PlanType.UPGRADE).satisfied()).isFalse();
  }

  @Test
  void aSourceSelectorThatPicksNoEntityBlocksAndSaysSo() {
    DesiredState nothingInStaging = desired(List.of(V110), List.of(PRODUCTION), DESIRED.constraints());
    List<Verdict> verdicts = new ConstraintEvaluator().evaluate(change(PRODUCTION, PlanType.UPGRADE, "1.0.0", V110),
        new EvaluationContext(nothingInStaging, ReportedState.empty(), T0));
    assertThat(verdicts).singleElement().satisfies(v -> {
      assertThat(v.violated()).isTrue();
      assertThat(v.message()).contains("no entity of com.example:catalog matches the source (environments staging)");
    });
  }

  private static ReportedState healthySince(Instant since) {
    return new ReportedState(
        Map.of(STAGING.id(), report("staging/catalog", CATALOG, "1.1.0", EntityState.RUNNING, Health.HEALTHY)),
        Map.of(STAGING.id(), new HealthySince(STAGING.id(), V110.version(), since)));
  }

  private static Verdict evaluate(ReportedState reported, Instant now, PlanType type) {
    List<Verdict> verdicts = new ConstraintEvaluator().evaluate(change(PRODUCTION, type, "1.0.0", V110),
        new EvaluationContext(DESIRED, reported, now));
    assertThat(verdicts).hasSize(1);
    return verdicts.get(0);
  }
}
