package io.apollo.core.constraint;

import static io.apollo.core.constraint.Fixtures.change;
import static io.apollo.core.constraint.Fixtures.desired;
import static io.apollo.core.constraint.Fixtures.entity;
import static io.apollo.core.constraint.Fixtures.mayUse;
import static io.apollo.core.constraint.Fixtures.needs;
import static io.apollo.core.constraint.Fixtures.release;
import static io.apollo.core.constraint.Fixtures.report;
import static io.apollo.core.constraint.Fixtures.running;
import static io.apollo.core.report.EntityState.DEGRADED;
import static io.apollo.core.report.EntityState.FAILED;
import static io.apollo.core.report.EntityState.PENDING;
import static io.apollo.core.report.EntityState.RUNNING;
import static io.apollo.core.config.PlanType.CONFIG_UPDATE;
import static io.apollo.core.config.PlanType.INSTALL;
import static io.apollo.core.config.PlanType.ROLLBACK;
import static io.apollo.core.config.PlanType.UNINSTALL;
import static io.apollo.core.config.PlanType.UPGRADE;
import static io.apollo.core.report.Health.HEALTHY;
import static io.apollo.core.report.Health.UNHEALTHY;
import static io.apollo.core.report.Health.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.apollo.core.config.ConstraintRule.Dependency;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.Release;
import io.apollo.core.config.PlanType;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.ReportedState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DependencyConstraintTest {
  private static final String WEB = "com.example:web";
  private static final String AUTH = "com.example:auth-service";
  private static final String DB = "com.example:db";
  private static final String METRICS = "com.example:metrics";
  private static final boolean HEALTH_REQUIRED = true;
  private static final boolean ANY_HEALTH = false;
  private static final boolean MET = true;
  private static final boolean BLOCKED = false;

  private static final List<Release> RELEASES = List.of(
      release(WEB, "1.0.0"),
      release(WEB, "2.0.0", needs(AUTH, "1.2.0", "1.x.x")),
      release(WEB, "2.1.0", needs(AUTH, "1.2.0", "1.x.x"), mayUse(METRICS, "5.0.0", "5.x.x")),
      release(WEB, "3.0.0", needs(AUTH, "2.0.0-rc1", "2.x.x")),
      release(WEB, "4.0.0", needs(AUTH, "2.0.0", "2.x.x")),
      release(WEB, "5.0.0", needs(AUTH, "1.2.0", "1.x.x"), needs(DB, "10.0.0", "10.x.x")),
      release(AUTH, "1.1.0"),
      release(AUTH, "1.3.0"),
      release(AUTH, "1.4.0"),
      release(AUTH, "2.0.0-rc1"),
      release(AUTH, "2.0.0"),
      release(DB, "10.1.0"),
      release(METRICS, "4.0.0"),
      release(METRICS, "5.1.0"));

  /** What one environment defines and reports, and the change under judgement. */
  static final class Scenario {
    final List<Entity> entities = new ArrayList<>();
    final List<EntityReport> reports = new ArrayList<>();
    ProposedChange change;

    /** Defined in the desired state, never reported. */
    Scenario defines(String id, String product, String version) {
      entities.add(entity(id, product, version));
      return this;
    }

    /** Defined, and reported RUNNING and HEALTHY at {@code version}. */
    Scenario runs(String id, String product, String version) {
      defines(id, product, version);
      reports.add(running(id, product, version));
      return this;
    }

    /** Defined, and reported as given. */
    Scenario reports(EntityReport report) {
      defines(report.entity().toString(), report.product().toString(),
          report.version().map(Object::toString).orElse("1.0.0"));
      reports.add(report);
      return this;
    }

    /** Reported by a spoke but not (validly) defined in the desired state. */
    Scenario reportsUndefined(EntityReport report) {
      reports.add(report);
      return this;
    }

    Scenario changes(String id, String product, PlanType type, String from, String to) {
      Entity entity = entity(id, product, to == null ? from : to);
      Release target = to == null ? null : release(RELEASES, product, to);
      change = change(entity, type, from, target);
      return this;
    }

    /** Upgrades {@code production/web} from 1.0.0 (which needs nothing) to {@code to}. */
    Scenario upgradesWebTo(String to) {
      return changes("production/web", WEB, UPGRADE, "1.0.0", to);
    }

    private static Release release(List<Release> releases, String product, String version) {
      return releases.stream()
          .filter(r -> r.product().toString().equals(product) && r.version().toString().equals(version))
          .findFirst()
          .orElseThrow();
    }

    @Override
    public String toString() {
      return change.entity().id() + " " + change.type();
    }
  }

  static Scenario in() {
    return new Scenario();
  }

  static Stream<Arguments> upstream() {
    return Stream.of(
        arguments("dependency running and healthy in range",
            in().runs("production/auth", AUTH, "1.3.0").upgradesWebTo("2.0.0"), HEALTH_REQUIRED, MET,
            "com.example:auth-service in [1.2.0, 1.x.x] met by production/auth at 1.3.0, healthy"),
        arguments("dependency below the minimum",
            in().runs("production/auth", AUTH, "1.1.0").upgradesWebTo("2.0.0"), HEALTH_REQUIRED, BLOCKED,
            "needs com.example:auth-service in [1.2.0, 1.x.x] running and healthy in production; "
                + "production/auth runs 1.1.0"),
        arguments("dependency above the maximum matcher 1.x.x",
            in().runs("production/auth", AUTH, "2.0.0").upgradesWebTo("2.0.0"), HEALTH_REQUIRED, BLOCKED,
            "production/auth runs 2.0.0"),
        arguments("rc minimum accepts that rc running",
            in().runs("production/auth", AUTH, "2.0.0-rc1").upgradesWebTo("3.0.0"), HEALTH_REQUIRED, MET,
            "met by production/auth at 2.0.0-rc1"),
        arguments("rc minimum accepts the release after it",
            in().runs("production/auth", AUTH, "2.0.0").upgradesWebTo("3.0.0"), HEALTH_REQUIRED, MET,
            "met by production/auth at 2.0.0"),
        arguments("matcher 2.x.x accepts a later rc of major 2",
            in().runs("production/auth", AUTH, "2.1.0-rc2").upgradesWebTo("3.0.0"), HEALTH_REQUIRED, MET,
            "in [2.0.0-rc1, 2.x.x] met by production/auth at 2.1.0-rc2"),
        arguments("matcher 2.x.x refuses an rc of major 3",
            in().runs("production/auth", AUTH, "3.0.0-rc1").upgradesWebTo("3.0.0"), HEALTH_REQUIRED, BLOCKED,
            "production/auth runs 3.0.0-rc1"),
        arguments("running rc is below a release minimum",
            in().runs("production/auth", AUTH, "2.0.0-rc1").upgradesWebTo("4.0.0"), HEALTH_REQUIRED, BLOCKED,
            "in [2.0.0, 2.x.x] running and healthy in production; production/auth runs 2.0.0-rc1"),
        arguments("optional dependency that is missing is ignored",
            in().runs("production/auth", AUTH, "1.3.0").upgradesWebTo("2.1.0"), HEALTH_REQUIRED, MET,
            "met by production/auth at 1.3.0"),
        arguments("unhealthy dependency",
            in().reports(report("production/auth", AUTH, "1.3.0", RUNNING, UNHEALTHY)).upgradesWebTo("2.0.0"),
            HEALTH_REQUIRED, BLOCKED, "production/auth runs 1.3.0 but is unhealthy"),
        arguments("dependency whose health is not known yet",
            in().reports(report("production/auth", AUTH, "1.3.0", RUNNING, UNKNOWN)).upgradesWebTo("2.0.0"),
            HEALTH_REQUIRED, BLOCKED, "production/auth runs 1.3.0 but its health is unknown"),
        arguments("degraded dependency",
            in().reports(report("production/auth", AUTH, "1.3.0", DEGRADED, UNHEALTHY)).upgradesWebTo("2.0.0"),
            HEALTH_REQUIRED, BLOCKED, "production/auth runs 1.3.0 but is DEGRADED"),
        arguments("failed dependency",
            in().reports(report("production/auth", AUTH, "1.3.0", FAILED, UNHEALTHY)).upgradesWebTo("2.0.0"),
            HEALTH_REQUIRED, BLOCKED, "production/auth runs 1.3.0 but is FAILED"),
        arguments("missing dependency entity",
            in().upgradesWebTo("2.0.0"), HEALTH_REQUIRED, BLOCKED,
            "needs com.example:auth-service in [1.2.0, 1.x.x] running and healthy in production; "
                + "no entity of it in production"),
        arguments("dependency in another environment does not count",
            in().runs("staging/auth", AUTH, "1.3.0").upgradesWebTo("2.0.0"), HEALTH_REQUIRED, BLOCKED,
            "no entity of it in production"),
        arguments("dependency defined but never reported",
            in().defines("production/auth", AUTH, "1.3.0").upgradesWebTo("2.0.0"), HEALTH_REQUIRED, BLOCKED,
            "production/auth has not reported"),
        arguments("dependency reported but nothing installed yet",
            in().reports(report("production/auth", AUTH, null, PENDING, UNKNOWN)).upgradesWebTo("2.0.0"),
            HEALTH_REQUIRED, BLOCKED, "production/auth is not installed (PENDING)"),
        arguments("requireHealthy false accepts an unhealthy dependency",
            in().reports(report("production/auth", AUTH, "1.3.0", RUNNING, UNHEALTHY)).upgradesWebTo("2.0.0"),
            ANY_HEALTH, MET, "met by production/auth at 1.3.0, RUNNING"),
        arguments("requireHealthy false accepts a degraded dependency",
            in().reports(report("production/auth", AUTH, "1.3.0", DEGRADED, UNHEALTHY)).upgradesWebTo("2.0.0"),
            ANY_HEALTH, MET, "met by production/auth at 1.3.0, DEGRADED"),
        arguments("requireHealthy false still refuses a version out of range",
            in().runs("production/auth", AUTH, "1.1.0").upgradesWebTo("2.0.0"), ANY_HEALTH, BLOCKED,
            "needs com.example:auth-service in [1.2.0, 1.x.x] running in production; production/auth runs 1.1.0"),
        arguments("requireHealthy false still refuses a failed dependency",
            in().reports(report("production/auth", AUTH, "1.3.0", FAILED, UNHEALTHY)).upgradesWebTo("2.0.0"),
            ANY_HEALTH, BLOCKED, "production/auth runs 1.3.0 but is FAILED"),
        arguments("one good entity of the product is enough",
            in().runs("production/auth-a", AUTH, "1.1.0").runs("production/auth-b", AUTH, "1.3.0")
                .upgradesWebTo("2.0.0"),
            HEALTH_REQUIRED, MET, "met by production/auth-b at 1.3.0"),
        arguments("every entity of the product is named when none will do",
            in().runs("production/auth-a", AUTH, "1.1.0")
                .reports(report("production/auth-b", AUTH, "1.3.0", DEGRADED, UNHEALTHY)).upgradesWebTo("2.0.0"),
            HEALTH_REQUIRED, BLOCKED, "production/auth-a runs 1.1.0, production/auth-b runs 1.3.0 but is DEGRADED"),
        arguments("every unmet dependency is listed",
            in().runs("production/auth", AUTH, "1.1.0").upgradesWebTo("5.0.0"), HEALTH_REQUIRED, BLOCKED,
            "production/auth runs 1.1.0; and needs com.example:db in [10.0.0, 10.x.x] running and healthy in "
                + "production; no entity of it in production"),
        arguments("an entity a spoke reports but the desired state no longer defines still counts",
            in().reportsUndefined(running("production/auth-legacy", AUTH, "1.3.0")).upgradesWebTo("2.0.0"),
            HEALTH_REQUIRED, MET, "met by production/auth-legacy at 1.3.0"),
        arguments("a release with no dependencies needs nothing",
            in().upgradesWebTo("1.0.0"), HEALTH_REQUIRED, MET, "com.example:web 1.0.0 needs no other product"),
        arguments("an uninstall needs nothing upstream",
            in().changes("production/web", WEB, UNINSTALL, "2.0.0", null), HEALTH_REQUIRED, MET,
            "no installed entity in production needs com.example:web"));
  }

  static Stream<Arguments> downstream() {
    return Stream.of(
        arguments("rollback below what a dependent needs",
            in().runs("production/web", WEB, "2.0.0").changes("production/auth", AUTH, ROLLBACK, "1.3.0", "1.1.0"),
            BLOCKED, "production/web (com.example:web 2.0.0) needs com.example:auth-service in [1.2.0, 1.x.x]; "
                + "this rollback would take production/auth to 1.1.0"),
        arguments("upgrade beyond a dependent's maximum matcher",
            in().runs("production/web", WEB, "2.0.0").changes("production/auth", AUTH, UPGRADE, "1.3.0", "2.0.0"),
            BLOCKED, "this upgrade would take production/auth to 2.0.0"),
        arguments("upgrade within a dependent's range",
            in().runs("production/web", WEB, "2.0.0").changes("production/auth", AUTH, UPGRADE, "1.3.0", "1.4.0"),
            MET, "production/web (com.example:web 2.0.0) accepts 1.4.0 in [1.2.0, 1.x.x]"),
        arguments("upgrade from rc to release within an rc range",
            in().runs("production/web", WEB, "3.0.0")
                .changes("production/auth", AUTH, UPGRADE, "2.0.0-rc1", "2.0.0"),
            MET, "accepts 2.0.0 in [2.0.0-rc1, 2.x.x]"),
        arguments("uninstall of a needed product",
            in().runs("production/web", WEB, "2.0.0").changes("production/auth", AUTH, UNINSTALL, "1.3.0", null),
            BLOCKED, "production/web (com.example:web 2.0.0) needs com.example:auth-service in [1.2.0, 1.x.x]; "
                + "this uninstall would remove production/auth"),
        arguments("uninstall of a product nothing needs",
            in().runs("production/web", WEB, "2.0.0").changes("production/db", DB, UNINSTALL, "10.1.0", null),
            MET, "no installed entity in production needs com.example:db"),
        arguments("a dependent that is not installed holds nothing",
            in().defines("production/web", WEB, "2.0.0")
                .changes("production/auth", AUTH, UPGRADE, "1.3.0", "2.0.0"),
            MET, "no installed entity in production needs com.example:auth-service"),
        arguments("a degraded dependent still holds its dependency",
            in().reports(report("production/web", WEB, "2.0.0", DEGRADED, UNHEALTHY))
                .changes("production/auth", AUTH, ROLLBACK, "1.3.0", "1.1.0"),
            BLOCKED, "this rollback would take production/auth to 1.1.0"),
        arguments("a dependent in another environment holds nothing here",
            in().runs("staging/web", WEB, "2.0.0").changes("production/auth", AUTH, ROLLBACK, "1.3.0", "1.1.0"),
            MET, "no installed entity in production needs com.example:auth-service"),
        arguments("an optional dependency holds nothing",
            in().runs("production/web", WEB, "2.1.0")
                .changes("production/metrics", METRICS, ROLLBACK, "5.1.0", "4.0.0"),
            MET, "no installed entity in production needs com.example:metrics"),
        arguments("a dependent running a release the desired state does not know declares nothing",
            in().runs("production/web", WEB, "9.9.9").changes("production/auth", AUTH, ROLLBACK, "1.3.0", "1.1.0"),
            MET, "no installed entity in production needs com.example:auth-service"),
        arguments("a dependent the desired state no longer defines still holds its dependency",
            in().reportsUndefined(running("production/web-legacy", WEB, "2.0.0"))
                .changes("production/auth", AUTH, UNINSTALL, "1.3.0", null),
            BLOCKED, "production/web-legacy (com.example:web 2.0.0) needs"),
        arguments("a config update at the same version moves nothing",
            in().runs("production/web", WEB, "2.0.0")
                .changes("production/auth", AUTH, CONFIG_UPDATE, "2.0.0", "2.0.0"),
            MET, "com.example:auth-service 2.0.0 needs no other product"),
        arguments("installing another entity of a product outside a dependent's range",
            in().runs("production/web", WEB, "2.0.0").runs("production/auth", AUTH, "1.3.0")
                .changes("production/auth-2", AUTH, INSTALL, null, "2.0.0"),
            BLOCKED, "this install would take production/auth-2 to 2.0.0"),
        arguments("every dependent out of range is listed",
            in().runs("production/web", WEB, "2.0.0").runs("production/web-2", WEB, "2.1.0")
                .changes("production/auth", AUTH, ROLLBACK, "1.3.0", "1.1.0"),
            BLOCKED, "production/web (com.example:web 2.0.0) needs com.example:auth-service in [1.2.0, 1.x.x]; "
                + "this rollback would take production/auth to 1.1.0; and production/web-2 (com.example:web 2.1.0) "
                + "needs com.example:auth-service in [1.2.0, 1.x.x]; this rollback would take production/auth to "
                + "1.1.0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upstream")
  void needsWhatTheTargetReleaseDependsOn(
      String name, Scenario scenario, boolean requireHealthy, boolean met, String message) {
    Verdict verdict = judge(scenario, requireHealthy);

    assertThat(verdict.satisfied()).as(verdict.message()).isEqualTo(met);
    assertThat(verdict.message()).contains(message);
    assertThat(verdict.unblocksAt()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("downstream")
  void keepsWhatDependentsNeed(String name, Scenario scenario, boolean met, String message) {
    Verdict verdict = judge(scenario, HEALTH_REQUIRED);

    assertThat(verdict.satisfied()).as(verdict.message()).isEqualTo(met);
    assertThat(verdict.message()).contains(message);
    assertThat(verdict.unblocksAt()).isEmpty();
  }

  @Test
  void saysExactlyWhatIsMissing() {
    Verdict verdict = judge(in().runs("production/auth", AUTH, "1.1.0").upgradesWebTo("2.0.0"), HEALTH_REQUIRED);

    assertThat(verdict).isEqualTo(Verdict.violated(
        "deps", ConstraintKind.DEPENDENCY,
        "needs com.example:auth-service in [1.2.0, 1.x.x] running and healthy in production; "
            + "production/auth runs 1.1.0",
        Optional.empty()));
  }

  @Test
  void judgesBothDirectionsOfOneChange() {
    // auth 2.0.0 would satisfy a web 3.0.0 that is not installed, but the installed web 2.0.0 needs 1.x.x.
    Verdict verdict = judge(
        in().runs("production/web", WEB, "2.0.0").changes("production/auth", AUTH, UPGRADE, "1.3.0", "2.0.0"),
        HEALTH_REQUIRED);

    assertThat(verdict.violated()).isTrue();
    assertThat(verdict.message()).startsWith("production/web (com.example:web 2.0.0) needs");
  }

  private static Verdict judge(Scenario scenario, boolean requireHealthy) {
    List<Entity> entities = new ArrayList<>(scenario.entities);
    if (entities.stream().noneMatch(e -> e.id().equals(scenario.change.entity().id()))) {
      entities.add(scenario.change.entity());
    }
    DesiredState desired = desired(RELEASES, entities, List.of());
    ReportedState reported = Fixtures.reported(scenario.reports.toArray(EntityReport[]::new));
    return new DependencyConstraint("deps", new Dependency(requireHealthy))
        .evaluate(scenario.change, Fleet.index(desired, reported));
  }
}
