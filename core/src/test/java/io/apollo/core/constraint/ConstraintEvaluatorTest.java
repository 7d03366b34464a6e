package io.apollo.core.constraint;

import static io.apollo.core.constraint.Fixtures.change;
import static io.apollo.core.constraint.Fixtures.constraint;
import static io.apollo.core.constraint.Fixtures.desired;
import static io.apollo.core.constraint.Fixtures.entity;
import static io.apollo.core.constraint.Fixtures.names;
import static io.apollo.core.constraint.Fixtures.needs;
import static io.apollo.core.constraint.Fixtures.release;
import static io.apollo.core.constraint.Fixtures.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.apollo.core.ApolloException;
import io.apollo.core.config.Constraint;
import io.apollo.core.config.ConstraintRule;
import io.apollo.core.config.ConstraintRule.Dependency;
import io.apollo.core.config.ConstraintRule.MaintenanceWindow;
import io.apollo.core.config.ConstraintRule.SuppressionWindow;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.config.Selector;
import io.apollo.core.config.PlanType;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.ReportedState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConstraintEvaluatorTest {
  private static final String WEB = "com.example:web";
  private static final String AUTH = "com.example:auth-service";
  private static final Instant NOW = Instant.parse("2026-12-24T12:00:00Z");

  private static final ConstraintRule FREEZE_IN_FORCE = new SuppressionWindow(
      Instant.parse("2026-12-20T00:00:00Z"), Instant.parse("2027-01-04T00:00:00Z"), "Holiday freeze");
  private static final ConstraintRule FREEZE_OVER = new SuppressionWindow(
      Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"), "Release day");
  private static final ConstraintRule WINDOW_CLOSED =
      new MaintenanceWindow("0 2 * * 6", Duration.ofHours(4), ZoneId.of("Europe/London"));
  private static final ConstraintRule WINDOW_OPEN =
      new MaintenanceWindow("0 12 * * *", Duration.ofHours(1), ZoneId.of("UTC"));
  private static final ConstraintRule DEPENDENCY = new Dependency(true);

  private static final Release WEB_2 = release(WEB, "2.0.0", needs(AUTH, "1.2.0", "1.x.x"));
  private static final Entity PRODUCTION_WEB = entity("production/web", WEB, "2.0.0", Map.of("tier", "frontend",
      "team", "storefront"));

  private final ConstraintEvaluator evaluator = new ConstraintEvaluator();

  static Stream<Arguments> selectors() {
    return Stream.of(
        arguments("empty selector selects everything", selector(Set.of(), Set.of(), Set.of(), Map.of()), true),
        arguments("environment listed", selector(Set.of("staging", "production"), Set.of(), Set.of(), Map.of()),
            true),
        arguments("environment not listed", selector(Set.of("staging"), Set.of(), Set.of(), Map.of()), false),
        arguments("product listed", selector(Set.of(), Set.of(WEB), Set.of(), Map.of()), true),
        arguments("product not listed", selector(Set.of(), Set.of(AUTH), Set.of(), Map.of()), false),
        arguments("entity id listed", selector(Set.of(), Set.of(), Set.of("production/web"), Map.of()), true),
        arguments("bare entity name matches in any environment", selector(Set.of(), Set.of(), Set.of("web"),
            Map.of()), true),
        arguments("same name in another environment does not match",
            selector(Set.of(), Set.of(), Set.of("staging/web"), Map.of()), false),
        arguments("label matches", selector(Set.of(), Set.of(), Set.of(), Map.of("tier", "frontend")), true),
        arguments("every label must match",
            selector(Set.of(), Set.of(), Set.of(), Map.of("tier", "frontend", "team", "payments")), false),
        arguments("label the entity lacks", selector(Set.of(), Set.of(), Set.of(), Map.of("region", "eu")), false),
        arguments("all given fields are AND-ed: all match",
            selector(Set.of("production"), Set.of(WEB), Set.of("web"), Map.of("team", "storefront")), true),
        arguments("all given fields are AND-ed: one misses",
            selector(Set.of("production"), Set.of(AUTH), Set.of("web"), Map.of("team", "storefront")), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selectors")
  void judgesOnlyConstraintsThatSelectTheEntity(String name, Selector selector, boolean selected) {
    EvaluationContext context = context(List.of(constraint("holiday-freeze", selector, FREEZE_IN_FORCE)),
        ReportedState.empty(), NOW);

    List<Verdict> verdicts = evaluator.evaluate(upgradeWeb(), context);

    assertThat(names(verdicts)).isEqualTo(selected ? List.of("holiday-freeze") : List.of());
  }

  @Test
  void judgesCheapestKindsFirstAndByNameWithinAKind() {
    EvaluationContext context = context(List.of(
        constraint("a-dependencies", DEPENDENCY),
        constraint("b-window", WINDOW_OPEN),
        constraint("z-freeze", FREEZE_OVER),
        constraint("c-freeze", FREEZE_IN_FORCE),
        constraint("a-window", WINDOW_CLOSED)), ReportedState.empty(), NOW);

    List<Verdict> verdicts = evaluator.evaluate(upgradeWeb(), context);

    assertThat(names(verdicts)).containsExactly("c-freeze", "z-freeze", "a-window", "b-window", "a-dependencies");
    assertThat(verdicts).extracting(Verdict::kind).containsExactly(
        ConstraintKind.SUPPRESSION_WINDOW, ConstraintKind.SUPPRESSION_WINDOW, ConstraintKind.MAINTENANCE_WINDOW,
        ConstraintKind.MAINTENANCE_WINDOW, ConstraintKind.DEPENDENCY);
  }

  @Test
  void listsEveryViolationAndEverySatisfiedVerdict() {
    EvaluationContext context = context(List.of(
        constraint("holiday-freeze", FREEZE_IN_FORCE),
        constraint("release-day", FREEZE_OVER),
        constraint("prod-saturday-night", WINDOW_CLOSED),
        constraint("noon", WINDOW_OPEN),
        constraint("dependencies", DEPENDENCY)), ReportedState.empty(), NOW);

    List<Verdict> verdicts = evaluator.evaluate(upgradeWeb(), context);

    assertThat(verdicts).extracting(Verdict::constraint, Verdict::satisfied).containsExactly(
        tuple("holiday-freeze", false),
        tuple("release-day", true),
        tuple("noon", true),
        tuple("prod-saturday-night", false),
        tuple("dependencies", false));
    assertThat(verdicts.get(0).message())
        .isEqualTo("inside freeze 'holiday-freeze' (Holiday freeze) until 2027-01-04T00:00:00Z");
    assertThat(verdicts.get(3).unblocksAt()).contains(Instant.parse("2026-12-26T02:00:00Z"));
    assertThat(verdicts.get(4).message()).endsWith("no entity of it in production");
  }

  @Test
  void returnsNoVerdictsWhenThereAreNoConstraints() {
    assertThat(evaluator.evaluate(upgradeWeb(), context(List.of(), ReportedState.empty(), NOW))).isEmpty();
  }

  @Test
  void judgesEachNewContextAfresh() {
    List<Constraint> constraints = List.of(constraint("holiday-freeze", FREEZE_IN_FORCE),
        constraint("dependencies", DEPENDENCY));
    DesiredState desired = desired(List.of(WEB_2), List.of(PRODUCTION_WEB), constraints);
    ReportedState authDown = ReportedState.empty();
    ReportedState authUp = Fixtures.reported(running("production/auth", AUTH, "1.3.0"));

    List<Verdict> during = evaluator.evaluate(upgradeWeb(), new EvaluationContext(desired, authDown, NOW));
    List<Verdict> after = evaluator.evaluate(upgradeWeb(),
        new EvaluationContext(desired, authDown, Instant.parse("2027-01-04T00:00:00Z")));
    List<Verdict> healed = evaluator.evaluate(upgradeWeb(),
        new EvaluationContext(desired, authUp, Instant.parse("2027-01-04T00:00:00Z")));

    assertThat(during).extracting(Verdict::satisfied).containsExactly(false, false);
    assertThat(after).extracting(Verdict::satisfied).containsExactly(true, false);
    assertThat(healed).extracting(Verdict::satisfied).containsExactly(true, true);
  }

  @Test
  void givesTheSameVerdictsToEqualContextsMadePerChange() {
    DesiredState desired = desired(List.of(WEB_2), List.of(PRODUCTION_WEB),
        List.of(constraint("holiday-freeze", FREEZE_IN_FORCE), constraint("dependencies", DEPENDENCY)));
    ReportedState reported = Fixtures.reported(running("production/auth", AUTH, "1.1.0"));

    List<Verdict> first = evaluator.evaluate(upgradeWeb(), new EvaluationContext(desired, reported, NOW));
    List<Verdict> second = evaluator.evaluate(upgradeWeb(), new EvaluationContext(desired, reported, NOW));

    assertThat(second).isEqualTo(first).hasSize(2);
  }

  @Test
  void refusesACronTheLoaderShouldHaveRefused() {
    EvaluationContext context = context(List.of(constraint("broken",
        new MaintenanceWindow("every saturday", Duration.ofHours(4), ZoneId.of("UTC")))), ReportedState.empty(), NOW);

    assertThatThrownBy(() -> evaluator.evaluate(upgradeWeb(), context))
        .isInstanceOf(ApolloException.class)
        .hasMessageContaining("'every saturday' is not a UNIX cron expression");
  }

  @Test
  void judgesAFleetOfTenThousandEntities() {
    // 5,000 services each needing the auth service of its own environment; every other environment's auth is down.
    List<Release> releases = List.of(WEB_2, release(AUTH, "1.3.0"));
    List<Entity> entities = new ArrayList<>();
    List<EntityReport> reports = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      String environment = "env-" + i;
      entities.add(entity(environment + "/web", WEB, "2.0.0"));
      entities.add(entity(environment + "/auth", AUTH, "1.3.0"));
      if (i % 2 == 0) {
        reports.add(running(environment + "/auth", AUTH, "1.3.0"));
      }
    }
    DesiredState desired = desired(releases, entities,
        List.of(constraint("dependencies", DEPENDENCY), constraint("holiday-freeze", FREEZE_OVER),
            constraint("noon", WINDOW_OPEN)));
    EvaluationContext context =
        new EvaluationContext(desired, Fixtures.reported(reports.toArray(EntityReport[]::new)), NOW);

    int blocked = 0;
    for (Entity entity : entities) {
      Release target = entity.product().equals(ProductId.parse(WEB)) ? WEB_2 : releases.get(1);
      List<Verdict> verdicts = evaluator.evaluate(change(entity, PlanType.INSTALL, null, target), context);
      assertThat(verdicts).hasSize(3);
      if (verdicts.stream().anyMatch(Verdict::violated)) {
        blocked++;
      }
    }

    assertThat(blocked).isEqualTo(2_500);
  }

  private static ProposedChange upgradeWeb() {
    return change(PRODUCTION_WEB, PlanType.UPGRADE, "1.0.0", WEB_2);
  }

  private static EvaluationContext context(List<Constraint> constraints, ReportedState reported, Instant now) {
    return new EvaluationContext(desired(List.of(WEB_2), List.of(PRODUCTION_WEB), constraints), reported, now);
  }

  private static Selector selector(
      Set<String> environments, Set<String> products, Set<String> entities, Map<String, String> labels) {
    Set<ProductId> ids = new HashSet<>();
    products.forEach(p -> ids.add(ProductId.parse(p)));
    return new Selector(environments, ids, entities, labels);
  }
}
