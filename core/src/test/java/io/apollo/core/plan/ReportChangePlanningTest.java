package io.apollo.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.constraint.ConstraintEvaluator;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.LoadResult;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.report.HealthySince;
import io.apollo.core.report.PlanOutcome;
import io.apollo.core.report.ReportedState;
import io.apollo.core.report.SpokeReportJson;
import io.apollo.core.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18: when only some reports changed, deciding again only the entities those reports can affect gives
 * exactly what planning the whole fleet gives; and {@link PlanningPasses}, which also carries its indexes from pass
 * to pass, gives a full plan's result for every pass. On the sample repository (with its dependency constraint)
 * and on the promotion repository (a bake in staging gates production).
 */
class ReportChangePlanningTest {
  private static final Instant TUESDAY = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant HALF_PAST_NOON = Instant.parse("2026-06-01T12:30:00Z");
  private static final DesiredState SAMPLE = load(Path.of("..", "sample-repo"));
  private static final DesiredState PROMOTION = load(Path.of("src/test/resources/promotion/repo"));
  private static final EntityId POSTGRES = EntityId.parse("staging/postgres-db");
  private static final EntityId AUTH = EntityId.parse("staging/auth-service");
  private static final EntityId CATALOG = EntityId.parse("staging/catalog-service");
  private static final EntityId PROD_AUTH = EntityId.parse("production/auth-service");
  private static final EntityId STAGING = EntityId.parse("staging/catalog");
  private static final EntityId PRODUCTION = EntityId.parse("production/catalog");
  private static final ProductId CATALOG_PRODUCT = ProductId.parse("com.example:catalog");

  /** One pass after another: the reports before, the reports after, and how much later. */
  record Step(DesiredState desired, ReportedState before, UnaryOperator<ReportedState> change, Duration later,
      Set<String> failed) {
    Step(DesiredState desired, ReportedState before, UnaryOperator<ReportedState> change, Duration later) {
      this(desired, before, change, later, Set.of());
    }
  }

  static Stream<Arguments> cases() throws IOException {
    ReportedState sample = sampleReports();
    ReportedState promoted = promotionReports();
    return Stream.of(
        Arguments.of("one entity's health flipped to unhealthy", new Step(SAMPLE, sample,
            r -> edit(r, POSTGRES, e -> with(e, EntityState.DEGRADED, Health.UNHEALTHY)), Duration.ofSeconds(1)),
            true),
        Arguments.of("a dependency of others now runs another version", new Step(SAMPLE, sample,
            r -> edit(r, POSTGRES, e -> version(e, "15.4.0")), Duration.ofSeconds(1)), true),
        Arguments.of("a depended-on entity reports not installed", new Step(SAMPLE, sample,
            r -> edit(r, AUTH, e -> new EntityReport(e.entity(), e.product(), Optional.empty(),
                EntityState.UNMANAGED, Health.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "", e.observedAt())), Duration.ofSeconds(1)), true),
        Arguments.of("an entity's report is gone", new Step(SAMPLE, sample, r -> remove(r, PROD_AUTH),
            Duration.ZERO), true),
        Arguments.of("an entity desired state does not define is reported", new Step(SAMPLE, sample,
            r -> add(r, orphan()), Duration.ZERO), true),
        Arguments.of("an orphan's report is gone", new Step(SAMPLE, add(sample, orphan()),
            r -> remove(r, orphan().entity()), Duration.ZERO), true),
        Arguments.of("a plan the spoke ran failed", new Step(SAMPLE, sample,
            r -> edit(r, CATALOG, e -> new EntityReport(e.entity(), e.product(), e.version(), EntityState.FAILED,
                e.health(), e.configDigest(), Optional.of("pl-0000000000000009"), Optional.of(PlanOutcome.FAILED),
                e.lastHealthyVersion(), "failed", e.observedAt())), Duration.ofSeconds(1)), true),
        Arguments.of("a report names another product", new Step(SAMPLE, sample,
            r -> edit(r, AUTH, e -> new EntityReport(e.entity(), ProductId.parse("com.example:postgres-db"),
                e.version(), e.state(), e.health(), e.configDigest(), e.lastPlanId(), e.lastPlanOutcome(),
                e.lastHealthyVersion(), e.message(), e.observedAt())), Duration.ofSeconds(1)), true),
        Arguments.of("a health history entry began", new Step(SAMPLE, sample,
            r -> r.withHealthySince(Map.of(POSTGRES, new HealthySince(POSTGRES, Version.parse("15.5.20"),
                TUESDAY.minusSeconds(60)))), Duration.ofSeconds(1)), true),
        Arguments.of("a report changed and a plan failed: a full pass on the edited indexes", new Step(SAMPLE,
            sample, r -> edit(r, POSTGRES, e -> version(e, "15.4.0")), Duration.ofSeconds(1),
            Set.of("pl-0000000000000001")), false),
        Arguments.of("every report changed: a full pass", new Step(SAMPLE, sample,
            r -> everyOne(r, e -> with(e, EntityState.DEGRADED, Health.UNHEALTHY)), Duration.ofSeconds(1)), false),
        Arguments.of("the promotion source's health flipped", new Step(PROMOTION, promoted,
            r -> edit(r, STAGING, e -> with(e, EntityState.DEGRADED, Health.UNHEALTHY)), Duration.ofMinutes(1)),
            true),
        Arguments.of("the promotion source's bake started again", new Step(PROMOTION, promoted,
            r -> r.withHealthySince(Map.of(STAGING, new HealthySince(STAGING, Version.parse("1.1.0"),
                HALF_PAST_NOON))), Duration.ofMinutes(1)), true),
        Arguments.of("the gated entity's report changed", new Step(PROMOTION, promoted,
            r -> edit(r, PRODUCTION, e -> version(e, "1.1.0")), Duration.ofMinutes(1)), true),
        Arguments.of("the clock moved within a bake: the gated plan's words change", new Step(PROMOTION, promoted,
            r -> r, Duration.ofMinutes(10)), true),
        Arguments.of("a bake ends between the passes: a full pass", new Step(PROMOTION, promoted, r -> r,
            Duration.ofHours(1)), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void planningOnlyWhatChangedReportsAffectGivesWhatAFullPassGives(String name, Step step, boolean incremental) {
    Instant at = step.desired() == PROMOTION ? HALF_PAST_NOON : TUESDAY;
    PlanningInput previous = PlanningInput.of(step.desired(), step.before(), at);
    PlanningInput next = new PlanningInput(step.desired(), step.change().apply(step.before()),
        at.plus(step.later()), Map.of(), step.failed());
    Planner planner = new Planner(new ConstraintEvaluator());
    PlanningResult full = planner.plan(next);

    Optional<Set<EntityId>> affected = IncrementalPlanning.affected(previous, next);

    assertThat(affected.isPresent()).as("planned incrementally").isEqualTo(incremental);
    affected.ifPresent(entities -> assertThat(planner.replan(next, planner.plan(previous), entities))
        .isEqualTo(full));
    PlanningPasses passes = new PlanningPasses(new Planner(new ConstraintEvaluator()));
    passes.plan(previous);
    assertThat(passes.plan(next)).isEqualTo(full);
    assertThat(passes.decidedAgain().isPresent()).isEqualTo(incremental);
    // And back again: the indexes carried over and edited twice still give a full plan's answer.
    PlanningInput again = PlanningInput.of(step.desired(), step.before(), next.now().plusSeconds(1));
    assertThat(passes.plan(again)).isEqualTo(new Planner(new ConstraintEvaluator()).plan(again));
  }

  private static EntityReport orphan() {
    return new EntityReport(EntityId.parse("staging/legacy-batch"), ProductId.parse("com.example:legacy-batch"),
        Optional.of(Version.parse("1.0.0")), EntityState.RUNNING, Health.HEALTHY, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), "", TUESDAY.minusSeconds(30));
  }

  private static EntityReport with(EntityReport e, EntityState state, Health health) {
    return new EntityReport(e.entity(), e.product(), e.version(), state, health, e.configDigest(), e.lastPlanId(),
        e.lastPlanOutcome(), e.lastHealthyVersion(), e.message(), e.observedAt());
  }

  private static EntityReport version(EntityReport e, String version) {
    return new EntityReport(e.entity(), e.product(), Optional.of(Version.parse(version)), e.state(), e.health(),
        e.configDigest(), e.lastPlanId(), e.lastPlanOutcome(), e.lastHealthyVersion(), e.message(), e.observedAt());
  }

  private static ReportedState edit(ReportedState r, EntityId id, UnaryOperator<EntityReport> change) {
    Map<EntityId, EntityReport> all = new HashMap<>(r.entities());
    assertThat(all).containsKey(id);
    all.put(id, change.apply(all.get(id)));
    return new ReportedState(all, r.healthySince());
  }

  private static ReportedState everyOne(ReportedState r, UnaryOperator<EntityReport> change) {
    Map<EntityId, EntityReport> all = new HashMap<>();
    r.entities().forEach((id, e) -> all.put(id, change.apply(e)));
    return new ReportedState(all, r.healthySince());
  }

  private static ReportedState remove(ReportedState r, EntityId id) {
    Map<EntityId, EntityReport> all = new HashMap<>(r.entities());
    assertThat(all.remove(id)).isNotNull();
    return new ReportedState(all, r.healthySince());
  }

  private static ReportedState add(ReportedState r, EntityReport report) {
    Map<EntityId, EntityReport> all = new HashMap<>(r.entities());
    all.put(report.entity(), report);
    return new ReportedState(all, r.healthySince());
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

  /** Staging runs 1.1.0 healthy since noon; production runs 1.0.0: production's upgrade waits for the bake. */
  private static ReportedState promotionReports() {
    Instant noon = Instant.parse("2026-06-01T12:00:00Z");
    return new ReportedState(
        Map.of(STAGING, promoted(STAGING, "1.1.0", noon), PRODUCTION, promoted(PRODUCTION, "1.0.0", noon)),
        Map.of(STAGING, new HealthySince(STAGING, Version.parse("1.1.0"), noon)));
  }

  private static EntityReport promoted(EntityId id, String version, Instant at) {
    return new EntityReport(id, CATALOG_PRODUCT, Optional.of(Version.parse(version)), EntityState.RUNNING,
        Health.HEALTHY, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", at);
  }
}
