package io.apollo.core.explain;

import static io.apollo.core.plan.Fleet.fleet;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.Criticality;
import io.apollo.core.config.EntityId;
import io.apollo.core.constraint.ConstraintCheck;
import io.apollo.core.constraint.ConstraintKind;
import io.apollo.core.constraint.Verdict;
import io.apollo.core.plan.Fleet;
import io.apollo.core.config.PlanType;
import io.apollo.core.plan.Planner;
import io.apollo.core.plan.PlanningInput;
import io.apollo.core.plan.PlanningResult;
import io.apollo.core.version.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExplainerTest {
  static final String CATALOG = "com.example:catalog-service";
  static final String AUTH = "com.example:auth-service";
  static final Verdict WINDOW_CLOSED = Verdict.violated("prod-saturday-night", ConstraintKind.MAINTENANCE_WINDOW,
      "outside maintenance window 'prod-saturday-night' (0 2 * * 6 for PT4H, Europe/London); next opens"
          + " Sat 2026-12-05 02:00 GMT (2026-12-05T02:00:00Z)",
      Optional.of(Instant.parse("2026-12-05T02:00:00Z")));
  static final Verdict NOT_FROZEN =
      Verdict.satisfied("holiday-freeze", ConstraintKind.SUPPRESSION_WINDOW, "not in freeze 'holiday-freeze'");
  static final Verdict AUTH_MISSING = Verdict.violated("needs-auth", ConstraintKind.DEPENDENCY,
      "needs com.example:auth-service in [1.2.0, 1.x.x] running and healthy in production; none runs",
      Optional.empty());

  /** The window opens on Saturday 02:00, as a real one would; the plan is judged again then. */
  static final io.apollo.core.constraint.ConstraintCheck WINDOW_CLOSED_UNTIL_SATURDAY = (change, context) ->
      context.now().isBefore(Instant.parse("2026-12-05T02:00:00Z"))
          ? List.of(WINDOW_CLOSED, NOT_FROZEN)
          : List.of(NOT_FROZEN);

  @Test
  void blockedPlan() throws IOException {
    Fleet fleet = blockedFleet();

    Explanation explanation = explain(fleet, "production/catalog", WINDOW_CLOSED_UNTIL_SATURDAY);

    assertThat(explanation.known()).isTrue();
    assertThat(explanation.desired()).isEqualTo("pinned to 1.3.0");
    assertThat(explanation.verdicts()).containsExactly(WINDOW_CLOSED, NOT_FROZEN);
    assertThat(explanation.requiredRoles()).containsExactly("sre", "vp-engineering");
    assertThat(explanation.missingRoles()).containsExactly("sre", "vp-engineering");
    assertThat(explanation.nextProceedAt()).contains(Instant.parse("2026-12-05T02:00:00Z"));
    assertThat(ExplanationText.render(explanation)).isEqualTo(fixture("blocked-plan.txt"));
  }

  @Test
  void blockedPlanInAscii() {
    Explanation explanation =
        explain(blockedFleet(), "production/catalog", WINDOW_CLOSED_UNTIL_SATURDAY);

    String text = ExplanationText.renderAscii(explanation);

    assertThat(text).contains("upgrade 1.2.0 -> 1.3.0: BLOCKED")
        .contains("verdicts  x prod-saturday-night (maintenanceWindow)")
        .contains("          + holiday-freeze (suppressionWindow)")
        .doesNotContain("✓").doesNotContain("✗").doesNotContain("→");
  }

  @Test
  void dependencyViolationGivesNoTime() {
    Explanation explanation =
        explain(blockedFleet(), "production/catalog", (c, x) -> List.of(WINDOW_CLOSED, AUTH_MISSING));

    assertThat(explanation.nextProceedAt()).isEmpty();
    assertThat(ExplanationText.render(explanation))
        .contains("  next      blocked until what it waits for changes (no time can be given);"
            + " then needs approval from sre, vp-engineering\n");
  }

  @Test
  void inSyncEntity() throws IOException {
    Fleet fleet = fleet().release(CATALOG, "1.2.0").release(CATALOG, "1.3.0")
        .release(CATALOG, "1.4.0", r -> r.recalled("CVE-2026-0042"))
        .release(CATALOG, "1.5.0-rc1")
        .release(CATALOG, "1.5.0", r -> r.needs(AUTH, "2.0.0", "2.x.x"))
        .release(AUTH, "1.9.0").pinned("staging/auth", AUTH, "1.9.0").runs("staging/auth", "1.9.0")
        .following("staging/catalog", CATALOG, Channel.STABLE).runs("staging/catalog", "1.3.0");

    Explanation explanation = explain(fleet, "staging/catalog", (c, x) -> List.of());

    assertThat(explanation.plan()).isEmpty();
    assertThat(explanation.verdicts()).isEmpty();
    assertThat(ExplanationText.render(explanation)).isEqualTo(fixture("in-sync.txt"));
  }

  @Test
  void unknownEntity() throws IOException {
    Fleet fleet = fleet().release(CATALOG, "1.3.0")
        .pinned("production/catalog", CATALOG, "1.3.0").pinned("staging/catalog", CATALOG, "1.3.0")
        .pinned("production/billing", CATALOG, "1.3.0");

    Explanation explanation = explain(fleet, "production/catalgo", (c, x) -> List.of());

    assertThat(explanation.known()).isFalse();
    assertThat(explanation.suggestions()).extracting(EntityId::toString).containsExactly("production/catalog");
    assertThat(ExplanationText.render(explanation)).isEqualTo(fixture("unknown.txt"));
  }

  @Test
  void sameNameInAnotherEnvironmentIsSuggested() {
    Fleet fleet = fleet().release(CATALOG, "1.3.0").pinned("staging/catalog", CATALOG, "1.3.0")
        .pinned("production/x", CATALOG, "1.3.0");

    Explanation explanation = explain(fleet, "prod/catalog", (c, x) -> List.of());

    assertThat(explanation.suggestions()).extracting(EntityId::toString).containsExactly("staging/catalog");
  }

  @Test
  void invalidEntityIsExplained() {
    Fleet fleet = fleet().release(CATALOG, "1.3.0").invalid("production/catalog")
        .report("production/catalog", r -> r.product(CATALOG).version("1.3.0"));

    String text = ExplanationText.render(explain(fleet, "production/catalog", (c, x) -> List.of()));

    assertThat(text).contains("  desired   definition invalid: left alone until it is fixed\n")
        .contains("  running   1.3.0, RUNNING, HEALTHY\n")
        .contains("  plan      none (definition invalid): definition invalid: left alone until it is fixed\n");
  }

  @Test
  void orphanIsExplained() {
    Fleet fleet = fleet().release(CATALOG, "1.3.0")
        .report("production/old", r -> r.product(CATALOG).version("1.3.0"));

    String text = ExplanationText.render(explain(fleet, "production/old", (c, x) -> List.of()));

    assertThat(text).startsWith("production/old  (com.example:catalog-service)\n")
        .contains("  desired   not in desired state (a spoke reports it)\n")
        .contains("plan      none (not desired): reported running 1.3.0 but not in desired state;");
  }

  @Test
  void approvedPlanIsReadyToDispatch() {
    Fleet fleet = fleet().release(CATALOG, "1.3.0").pinned("dev/catalog", CATALOG, "1.3.0");

    String text = ExplanationText.render(explain(fleet, "dev/catalog", (c, x) -> List.of()));

    assertThat(text).contains("install nothing → 1.3.0: APPROVED")
        .contains("  verdicts  no constraint applies\n")
        .contains("  approval  none required\n")
        .contains("  next      ready to dispatch\n");
  }

  private static Fleet blockedFleet() {
    return fleet().product(CATALOG, Criticality.CRITICAL).release(CATALOG, "1.2.0").release(CATALOG, "1.3.0")
        .pinned("production/catalog", CATALOG, "1.3.0").runs("production/catalog", "1.2.0")
        .approvalRule(Set.of("production"), Set.of(PlanType.UPGRADE), Set.of(), "sre")
        .approvalRule(Set.of(), Set.of(), Set.of(Criticality.CRITICAL), "vp-engineering")
        .role("sre", "alice@example.com").role("vp-engineering", "bob@example.com");
  }

  private static Explanation explain(Fleet fleet, String entity, ConstraintCheck check) {
    PlanningInput input = fleet.input();
    PlanningResult result = new Planner(check).plan(input);
    return Explainer.explain(EntityId.parse(entity), result, input.desired(), input.reported());
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = ExplainerTest.class.getResourceAsStream("/explain/" + name)) {
      assertThat(in).as("fixture " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
