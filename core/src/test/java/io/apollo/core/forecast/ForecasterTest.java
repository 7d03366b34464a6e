package io.apollo.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.Constraint;
import io.apollo.core.config.ConstraintRule;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.Metadata;
import io.apollo.core.config.Origin;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Selector;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.plan.PlanState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Where the sample fleet's waiting plans land: production changes only in the Saturday 02:00-06:00 London window and
 * not in the holiday freeze (2026-12-20 up to 2027-01-04); staging has no window.
 */
class ForecasterTest {
  private static final DesiredState SAMPLE = ConfigLoader.withDefaults().load(Path.of("..", "sample-repo")).state();
  private static final ProductId CATALOG = ProductId.parse("com.example:catalog-service");
  private static final ProductId AUTH = ProductId.parse("com.example:auth-service");

  @ParameterizedTest(name = "{0} {1} at {2}: {4}")
  @CsvSource(delimiter = '|', textBlock = """
      production | BLOCKED |  2026-12-02T10:00:00Z | ''     | WINDOW       | 2026-12-05T02:00:00Z
      production | BLOCKED |  2026-12-05T03:00:00Z | ''     | NOW          | 2026-12-05T03:00:00Z
      production | BLOCKED |  2026-12-19T10:00:00Z | ''     | WINDOW       | 2027-01-09T02:00:00Z
      production | PENDING |  2026-12-02T10:00:00Z | sre    | WINDOW       | 2026-12-05T02:00:00Z
      production | BLOCKED |  2026-06-01T10:00:00Z | ''     | WINDOW       | 2026-06-06T01:00:00Z
      staging    | PENDING |  2026-12-02T10:00:00Z | sre    | NOW          | 2026-12-02T10:00:00Z
      staging    | PENDING |  2026-12-02T10:00:00Z | nobody | NEVER_ROLE   | ''
      """)
  void placesAPlanAtItsEarliestMoment(String env, PlanState state, Instant now, String role, LandingReason reason,
      String at) {
    WaitingPlan plan = new WaitingPlan("p1", new EntityId(env, "catalog-service"), CATALOG, Optional.empty(), state,
        role.isEmpty() ? Set.of() : Set.of(role), Optional.empty());
    Landing landing = Forecaster.forecast(SAMPLE, List.of(plan), now, 14).landings().getFirst();
    assertThat(landing.reason()).isEqualTo(reason);
    assertThat(landing.at()).isEqualTo(at.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(at)));
    assertThat(landing.message()).isNotBlank();
  }

  @Test
  void drawsProductionWindowsAndTheFreezeAsBands() {
    Forecast f = Forecaster.forecast(SAMPLE, List.of(), Instant.parse("2026-12-10T00:00:00Z"), 14);
    assertThat(f.to()).isEqualTo(Instant.parse("2026-12-24T00:00:00Z"));
    assertThat(f.bands().get("staging")).isEmpty();
    assertThat(f.bands().get("production")).containsExactly(
        new Band("prod-saturday-night", BandKind.WINDOW, Instant.parse("2026-12-12T02:00:00Z"),
            Instant.parse("2026-12-12T06:00:00Z"), ""),
        new Band("prod-saturday-night", BandKind.WINDOW, Instant.parse("2026-12-19T02:00:00Z"),
            Instant.parse("2026-12-19T06:00:00Z"), ""),
        new Band("holiday-freeze", BandKind.FREEZE, Instant.parse("2026-12-20T00:00:00Z"),
            Instant.parse("2026-12-24T00:00:00Z"), "Holiday freeze"));
  }

  @Test
  void aWindowOpenAtTheStartIsClippedToIt() {
    Forecast f = Forecaster.forecast(SAMPLE, List.of(), Instant.parse("2026-12-05T03:00:00Z"), 1);
    assertThat(f.bands().get("production")).containsExactly(new Band("prod-saturday-night", BandKind.WINDOW,
        Instant.parse("2026-12-05T03:00:00Z"), Instant.parse("2026-12-05T06:00:00Z"), ""));
  }

  @Test
  void aWindowThatOnlyOpensInsideAFreezeNeverLands() {
    List<Constraint> constraints = new ArrayList<>(SAMPLE.constraints());
    constraints.add(new Constraint(Metadata.named("long-freeze"), new Selector(Set.of("production"), null, null,
        Map.of()), new ConstraintRule.SuppressionWindow(Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2030-01-01T00:00:00Z"), "Moratorium"), Origin.of("constraints/long-freeze.yaml")));
    DesiredState frozen = new DesiredState(SAMPLE.products(), SAMPLE.releases(), SAMPLE.environments(),
        SAMPLE.entities(), constraints, SAMPLE.approvalPolicies(), SAMPLE.roles(), SAMPLE.plans(),
        SAMPLE.invalidEntities());
    WaitingPlan plan = new WaitingPlan("p1", new EntityId("production", "catalog-service"), CATALOG,
        Optional.empty(), PlanState.BLOCKED, Set.of(), Optional.empty());
    Landing landing = Forecaster.forecast(frozen, List.of(plan), Instant.parse("2026-12-02T10:00:00Z"), 14)
        .landings().getFirst();
    assertThat(landing.reason()).isEqualTo(LandingReason.NEVER_WINDOW);
    assertThat(landing.never()).isTrue();
    assertThat(landing.at()).isEmpty();
  }

  @Test
  void aPlanBlockedByADependencyLandsAfterThePlanThatMeetsIt() {
    var catalogRelease = SAMPLE.releasesOf(CATALOG).getFirst().version();
    WaitingPlan catalog = new WaitingPlan("catalog", new EntityId("staging", "catalog-service"), CATALOG,
        Optional.of(catalogRelease), PlanState.BLOCKED, Set.of(), Optional.of("auth-service is not at 1.2.0+"));
    WaitingPlan auth = new WaitingPlan("auth", new EntityId("staging", "auth-service"), AUTH, Optional.empty(),
        PlanState.PENDING, Set.of("sre"), Optional.empty());
    WaitingPlan done = new WaitingPlan("done", new EntityId("staging", "auth-service"), AUTH, Optional.empty(),
        PlanState.SUCCEEDED, Set.of(), Optional.empty());
    Instant now = Instant.parse("2026-12-02T10:00:00Z");
    List<Landing> landings = Forecaster.forecast(SAMPLE, List.of(catalog, auth, done), now, 14).landings();
    assertThat(landings).extracting(Landing::planId).containsExactly("auth", "catalog");
    Landing after = landings.get(1);
    assertThat(after.reason()).isEqualTo(LandingReason.AFTER_DEPENDENCY);
    assertThat(after.after()).contains("auth");
    assertThat(after.at()).contains(now);

    Landing alone = Forecaster.forecast(SAMPLE, List.of(catalog), now, 14).landings().getFirst();
    assertThat(alone.reason()).isEqualTo(LandingReason.DEPENDENCY_UNMET);
    assertThat(alone.at()).isEmpty();
    assertThat(alone.message()).contains("auth-service is not at 1.2.0+");
  }
}
