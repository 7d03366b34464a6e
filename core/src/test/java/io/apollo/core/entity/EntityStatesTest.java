package io.apollo.core.entity;

import io.apollo.core.report.EntityState;
import static io.apollo.core.report.EntityState.DEGRADED;
import static io.apollo.core.report.EntityState.FAILED;
import static io.apollo.core.report.EntityState.INSTALLING;
import static io.apollo.core.report.EntityState.PENDING;
import static io.apollo.core.report.EntityState.RUNNING;
import static io.apollo.core.report.EntityState.UNMANAGED;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanReason;
import io.apollo.core.plan.PlanState;
import io.apollo.core.config.PlanType;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.Health;
import io.apollo.core.version.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntityStatesTest {
  static final EntityId ID = EntityId.parse("production/catalog");
  static final Optional<EntityReport> NO_REPORT = Optional.empty();
  static final Optional<Plan> NO_PLAN = Optional.empty();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no report, no plan", NO_REPORT, NO_PLAN, UNMANAGED),
        Arguments.of("new entity with a blocked plan", NO_REPORT, plan(PlanState.BLOCKED), PENDING),
        Arguments.of("new entity with a plan awaiting approval", NO_REPORT, plan(PlanState.PENDING), PENDING),
        Arguments.of("new entity with an approved plan", NO_REPORT, plan(PlanState.APPROVED), PENDING),
        Arguments.of("new entity with a dispatched plan", NO_REPORT, plan(PlanState.DISPATCHED), PENDING),
        Arguments.of("plan running, no report yet", NO_REPORT, plan(PlanState.RUNNING), INSTALLING),
        Arguments.of("spoke reports installing", report(INSTALLING, Health.UNKNOWN, "1.2.0"), NO_PLAN, INSTALLING),
        Arguments.of("installing wins over a waiting plan", report(INSTALLING, Health.UNKNOWN, null),
            plan(PlanState.APPROVED), INSTALLING),
        Arguments.of("running and healthy", report(RUNNING, Health.HEALTHY, "1.2.0"), NO_PLAN, RUNNING),
        Arguments.of("running, health not known yet", report(RUNNING, Health.UNKNOWN, "1.2.0"), NO_PLAN, RUNNING),
        Arguments.of("running but unhealthy", report(RUNNING, Health.UNHEALTHY, "1.2.0"), NO_PLAN, DEGRADED),
        Arguments.of("degraded and still unhealthy", report(DEGRADED, Health.UNHEALTHY, "1.2.0"), NO_PLAN, DEGRADED),
        Arguments.of("degraded, health not known", report(DEGRADED, Health.UNKNOWN, "1.2.0"), NO_PLAN, DEGRADED),
        Arguments.of("degraded and healthy again", report(DEGRADED, Health.HEALTHY, "1.2.0"), NO_PLAN, RUNNING),
        Arguments.of("a blocked upgrade does not hide what runs", report(RUNNING, Health.HEALTHY, "1.2.0"),
            plan(PlanState.BLOCKED), RUNNING),
        Arguments.of("an unapproved upgrade does not hide degradation", report(RUNNING, Health.UNHEALTHY, "1.2.0"),
            plan(PlanState.PENDING), DEGRADED),
        Arguments.of("upgrade handed to the spoke is taken up", report(RUNNING, Health.HEALTHY, "1.2.0"),
            plan(PlanState.DISPATCHED), PENDING),
        Arguments.of("upgrade running", report(RUNNING, Health.HEALTHY, "1.2.0"), plan(PlanState.RUNNING),
            INSTALLING),
        Arguments.of("spoke reports failed", report(FAILED, Health.UNHEALTHY, "1.3.0"), NO_PLAN, FAILED),
        Arguments.of("failed with a rollback awaiting approval", report(FAILED, Health.UNHEALTHY, "1.3.0"),
            plan(PlanState.PENDING), FAILED),
        Arguments.of("failed with the rollback handed to the spoke", report(FAILED, Health.UNHEALTHY, "1.3.0"),
            plan(PlanState.DISPATCHED), PENDING),
        Arguments.of("failed with the rollback running", report(FAILED, Health.UNHEALTHY, "1.3.0"),
            plan(PlanState.RUNNING), INSTALLING),
        Arguments.of("spoke reports pending", report(PENDING, Health.UNKNOWN, null), NO_PLAN, PENDING),
        Arguments.of("reported with nothing installed", report(UNMANAGED, Health.UNKNOWN, null), NO_PLAN, UNMANAGED),
        Arguments.of("no report, plan succeeded", NO_REPORT, plan(PlanState.SUCCEEDED), RUNNING),
        Arguments.of("no report, plan failed", NO_REPORT, plan(PlanState.FAILED), FAILED),
        Arguments.of("no report, plan cancelled", NO_REPORT, plan(PlanState.CANCELLED), UNMANAGED),
        Arguments.of("no report, uninstall succeeded", NO_REPORT,
            Optional.of(plan(PlanState.SUCCEEDED, PlanType.UNINSTALL)), UNMANAGED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void derives(String name, Optional<EntityReport> report, Optional<Plan> plan, EntityState expected) {
    assertThat(EntityStates.derive(report, plan)).isEqualTo(expected);
  }

  private static Optional<EntityReport> report(EntityState state, Health health, String version) {
    return Optional.of(new EntityReport(ID, ProductId.parse("com.example:catalog"),
        Optional.ofNullable(version).map(Version::parse), state, health, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), "", Instant.parse("2026-12-01T12:00:00Z")));
  }

  private static Optional<Plan> plan(PlanState state) {
    return Optional.of(plan(state, PlanType.UPGRADE));
  }

  private static Plan plan(PlanState state, PlanType type) {
    Optional<Version> to = type == PlanType.UNINSTALL ? Optional.empty() : Optional.of(Version.parse("1.3.0"));
    return new Plan("pl-0123456789abcdef", ID, ProductId.parse("com.example:catalog"), "spoke-production", type,
        Optional.of(Version.parse("1.2.0")), to, "", state, List.of(), Set.of(), Set.of(), PlanReason.PIN_CHANGED,
        "test", Optional.empty());
  }
}
