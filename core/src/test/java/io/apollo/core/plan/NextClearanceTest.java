package io.apollo.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.Constraint;
import io.apollo.core.config.Criticality;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.ConstraintRule;
import io.apollo.core.config.Metadata;
import io.apollo.core.config.Origin;
import io.apollo.core.config.Selector;
import io.apollo.core.constraint.ConstraintEvaluator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When a blocked plan could first proceed, with the real constraint evaluator: the first instant at which every
 * window and freeze holds at once, not merely the latest single {@code unblocksAt}.
 */
class NextClearanceTest {
  private static final String E = "production/catalog";
  private static final String P = "com.example:catalog";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("window closed on a Wednesday: next Saturday 02:00 London",
            "2026-12-02T10:00:00Z", false, Optional.of("2026-12-05T02:00:00Z")),
        Arguments.of("freeze ends on a Monday, window opens Saturdays: the Saturday after the freeze",
            "2026-12-23T10:00:00Z", true, Optional.of("2027-01-09T02:00:00Z")),
        Arguments.of("inside the window during the freeze: still the Saturday after the freeze",
            "2026-12-26T03:00:00Z", true, Optional.of("2027-01-09T02:00:00Z")),
        Arguments.of("window open and no freeze: not blocked, nothing to wait for",
            "2026-12-05T03:00:00Z", true, Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsTheFirstInstantEveryTimeConstraintHolds(String name, String now, boolean withFreeze,
      Optional<String> expected) {
    Fleet fleet = Fleet.fleet().product(P, Criticality.MEDIUM).release(P, "1.2.0").release(P, "1.3.0")
        .pinned(E, P, "1.3.0").runs(E, "1.2.0");
    List<Constraint> constraints = new ArrayList<>();
    constraints.add(new Constraint(Metadata.named("prod-saturday-night"), Selector.everything(),
        new ConstraintRule.MaintenanceWindow("0 2 * * 6", Duration.ofHours(4), ZoneId.of("Europe/London")),
        Origin.of("constraints/window.yaml")));
    if (withFreeze) {
      constraints.add(new Constraint(Metadata.named("holiday-freeze"), Selector.everything(),
          new ConstraintRule.SuppressionWindow(Instant.parse("2026-12-20T00:00:00Z"),
              Instant.parse("2027-01-04T00:00:00Z"), "Holiday freeze"),
          Origin.of("constraints/freeze.yaml")));
    }

    DesiredState d = fleet.desired();
    DesiredState desired = new DesiredState(d.products(), d.releases(), d.environments(), d.entities(), constraints,
        d.approvalPolicies(), d.roles(), d.plans(), d.invalidEntities());
    PlanningInput input = PlanningInput.of(desired, fleet.reported(), Instant.parse(now));

    Plan plan = new Planner(new ConstraintEvaluator()).plan(input).plans().get(0);

    assertThat(plan.unblocksAt()).isEqualTo(expected.map(Instant::parse));
  }

  @Test
  void aBlockingDependencyMeansNoOneCanSayWhen() {
    Fleet fleet = Fleet.fleet().product(P, Criticality.MEDIUM).release(P, "1.2.0").release(P, "1.3.0")
        .pinned(E, P, "1.3.0").runs(E, "1.2.0");

    Plan plan = new Planner((change, context) -> List.of(
        io.apollo.core.constraint.Verdict.violated("deps", io.apollo.core.constraint.ConstraintKind.DEPENDENCY,
            "needs auth", Optional.empty()))).plan(fleet.input()).plans().get(0);

    assertThat(plan.unblocksAt()).isEmpty();
  }
}
