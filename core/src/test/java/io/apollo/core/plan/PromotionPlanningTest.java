package io.apollo.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.constraint.ConstraintEvaluator;
import io.apollo.core.constraint.ConstraintKind;
import io.apollo.core.constraint.Verdict;
import io.apollo.core.explain.Explainer;
import io.apollo.core.explain.ExplanationText;
import io.apollo.core.forecast.BandKind;
import io.apollo.core.forecast.Forecast;
import io.apollo.core.forecast.Forecaster;
import io.apollo.core.forecast.Landing;
import io.apollo.core.forecast.LandingReason;
import io.apollo.core.forecast.WaitingPlan;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.LoadResult;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.report.HealthySince;
import io.apollo.core.report.ReportedState;
import io.apollo.core.version.Version;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16 through the whole planner: production follows stable, may take a release only after it baked an hour in
 * staging, and only inside a daily 14:00-16:00 window; the plan, explain and the forecast all say when.
 */
class PromotionPlanningTest {
  private static final DesiredState DESIRED = load();
  private static final EntityId STAGING = EntityId.parse("staging/catalog");
  private static final EntityId PRODUCTION = EntityId.parse("production/catalog");
  private static final ProductId CATALOG = ProductId.parse("com.example:catalog");
  private static final Instant NOON = Instant.parse("2026-06-01T12:00:00Z");
  private static final Planner PLANNER = new Planner(new ConstraintEvaluator());

  static Stream<Arguments> landings() {
    return Stream.of(
        arguments("bake ends before the window opens: the window's opening", "12:00", "12:30", "14:00"),
        arguments("bake ends inside the window: the bake's end", "13:30", "13:45", "14:30"),
        arguments("bake ends after the window closed: the next day's window", "15:30", "15:40", "2026-06-02T14:00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("landings")
  void productionProceedsAtTheFirstMomentTheBakeIsDoneAndTheWindowOpen(String name, String since, String now,
      String expected) {
    Instant at = at(now);
    Plan plan = productionPlan(reported(at(since)), at);

    assertThat(plan.state()).isEqualTo(PlanState.BLOCKED);
    assertThat(plan.toVersion()).contains(Version.parse("1.1.0"));
    Verdict bake = plan.verdicts().stream().filter(v -> v.kind() == ConstraintKind.PROMOTION).findFirst()
        .orElseThrow();
    assertThat(bake.violated()).isTrue();
    assertThat(bake.unblocksAt()).contains(at(since).plusSeconds(3600));
    assertThat(plan.unblocksAt()).contains(at(expected));
  }

  @Test
  void explainSaysWhichSourceHowLongItBakedAndWhenItIsDone() {
    Instant now = at("12:30");
    ReportedState reported = reported(NOON);
    PlanningResult result = PLANNER.plan(PlanningInput.of(DESIRED, reported, now));

    String text = ExplanationText.render(Explainer.explain(PRODUCTION, result, DESIRED, reported));

    assertThat(text).contains("✗ bake-in-staging (promotion): waits for staging/catalog to bake 1.1.0: healthy"
        + " for 30m of 1h, done at 2026-06-01T13:00:00Z");
    assertThat(text).contains("could proceed at 2026-06-01T14:00:00Z");
  }

  @Test
  void theForecastPlacesTheLandingAfterTheBakeAndDrawsIt() {
    Instant now = at("13:45");
    Plan plan = productionPlan(reported(at("13:30")), now);
    Verdict bake = plan.verdicts().stream().filter(v -> v.kind() == ConstraintKind.PROMOTION).findFirst()
        .orElseThrow();
    WaitingPlan waiting = new WaitingPlan(plan.id(), PRODUCTION, CATALOG, plan.toVersion(), plan.state(), Set.of(),
        Optional.empty(), Optional.of(new WaitingPlan.Bake(bake.constraint(), bake.message(), bake.unblocksAt())));

    Forecast forecast = Forecaster.forecast(DESIRED, List.of(waiting), now, 2);

    Landing landing = forecast.landings().getFirst();
    assertThat(landing.at()).contains(at("14:30"));
    assertThat(landing.reason()).isEqualTo(LandingReason.AFTER_BAKE);
    assertThat(landing.message()).contains("after the bake of bake-in-staging ends at 2026-06-01T14:30:00Z");
    assertThat(forecast.bands().get("production")).anySatisfy(b -> {
      assertThat(b.kind()).isEqualTo(BandKind.BAKE);
      assertThat(b.end()).isEqualTo(at("14:30"));
    });
  }

  @Test
  void anUnhealthySourceMeansTheForecastCannotGiveATime() {
    Plan plan = productionPlan(new ReportedState(Map.of(STAGING, report(STAGING, "1.1.0", EntityState.DEGRADED,
        Health.UNHEALTHY, NOON), PRODUCTION, report(PRODUCTION, "1.0.0", EntityState.RUNNING, Health.HEALTHY,
        NOON))), at("12:30"));
    assertThat(plan.unblocksAt()).isEmpty();
    Verdict bake = plan.verdicts().stream().filter(v -> v.kind() == ConstraintKind.PROMOTION).findFirst()
        .orElseThrow();
    WaitingPlan waiting = new WaitingPlan(plan.id(), PRODUCTION, CATALOG, plan.toVersion(), plan.state(), Set.of(),
        Optional.empty(), Optional.of(new WaitingPlan.Bake(bake.constraint(), bake.message(), bake.unblocksAt())));
    Landing landing = Forecaster.forecast(DESIRED, List.of(waiting), at("12:30"), 2).landings().getFirst();
    assertThat(landing.reason()).isEqualTo(LandingReason.BAKE_UNMET);
    assertThat(landing.at()).isEmpty();
    assertThat(landing.message()).contains("staging/catalog runs 1.1.0 but is DEGRADED, unhealthy");
  }

  @Test
  void aBakeEndingBetweenTwoPassesAsksForAFullPass() {
    ReportedState reported = reported(NOON);
    PlanningInput before = PlanningInput.of(DESIRED, reported, at("12:30"));
    PlanningInput within = PlanningInput.of(DESIRED, reported, at("12:40"));
    PlanningInput past = PlanningInput.of(DESIRED, reported, at("13:30"));

    // Within the bake, only the gated entity is decided again: its verdict says how long staging has baked, so a
    // kept decision would tell the time of the pass before (issue 18).
    assertThat(IncrementalPlanning.affected(before, within)).contains(Set.of(PRODUCTION));
    assertThat(PLANNER.replan(within, PLANNER.plan(before), Set.of())).isNotEqualTo(PLANNER.plan(within));
    assertThat(PLANNER.replan(within, PLANNER.plan(before), Set.of(PRODUCTION))).isEqualTo(PLANNER.plan(within));
    assertThat(IncrementalPlanning.affected(before, past)).isEmpty();
    // And a kept decision would indeed be wrong: the bake verdict turned.
    assertThat(PLANNER.plan(past)).isNotEqualTo(PLANNER.replan(past, PLANNER.plan(before), Set.of()));
  }

  private static Plan productionPlan(ReportedState reported, Instant now) {
    return PLANNER.plan(PlanningInput.of(DESIRED, reported, now)).decision(PRODUCTION).orElseThrow().plan()
        .orElseThrow();
  }

  /** Staging runs 1.1.0 healthy since {@code since}; production runs 1.0.0. */
  private static ReportedState reported(Instant since) {
    return new ReportedState(
        Map.of(STAGING, report(STAGING, "1.1.0", EntityState.RUNNING, Health.HEALTHY, since),
            PRODUCTION, report(PRODUCTION, "1.0.0", EntityState.RUNNING, Health.HEALTHY, NOON)),
        Map.of(STAGING, new HealthySince(STAGING, Version.parse("1.1.0"), since)));
  }

  private static EntityReport report(EntityId id, String version, EntityState state, Health health, Instant at) {
    return new EntityReport(id, CATALOG, Optional.of(Version.parse(version)), state, health, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), "", at);
  }

  private static Instant at(String text) {
    return Instant.parse(text.contains("T") ? text + ":00Z" : "2026-06-01T" + text + ":00Z");
  }

  private static DesiredState load() {
    LoadResult loaded = ConfigLoader.withDefaults().load(Path.of("src/test/resources/promotion/repo"));
    assertThat(loaded.problems()).isEmpty();
    return loaded.state();
  }
}
