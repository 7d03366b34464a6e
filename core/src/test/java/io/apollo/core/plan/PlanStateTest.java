package io.apollo.core.plan;

import io.apollo.core.config.PlanType;
import static io.apollo.core.plan.Fleet.fleet;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.Approval;
import io.apollo.core.config.Criticality;
import io.apollo.core.config.EntityId;
import io.apollo.core.constraint.ConstraintCheck;
import io.apollo.core.constraint.ConstraintKind;
import io.apollo.core.constraint.EvaluationContext;
import io.apollo.core.constraint.Verdict;
import java.time.Instant;
import java.util.ArrayList;
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
 * A plan's state from constraint verdicts and approvals: BLOCKED on any violation, else PENDING while roles are
 * missing, else APPROVED. Production upgrades need {@code sre}; critical products also need {@code vp-engineering}.
 */
class PlanStateTest {
  static final String E = "production/catalog";
  static final String P = "com.example:catalog";
  static final EntityId ID = EntityId.parse(E);
  static final Instant NEXT_WINDOW = Instant.parse("2026-12-05T02:00:00Z");
  static final Instant FREEZE_ENDS = Instant.parse("2027-01-04T00:00:00Z");

  static final Verdict WINDOW_CLOSED = Verdict.violated("prod-saturday-night", ConstraintKind.MAINTENANCE_WINDOW,
      "outside maintenance window", Optional.of(NEXT_WINDOW));
  static final Verdict FROZEN = Verdict.violated("holiday-freeze", ConstraintKind.SUPPRESSION_WINDOW,
      "inside freeze", Optional.of(FREEZE_ENDS));
  static final Verdict NOT_FROZEN = Verdict.satisfied("holiday-freeze", ConstraintKind.SUPPRESSION_WINDOW,
      "not in freeze");
  static final Verdict DEPENDENCY_UNMET = Verdict.violated("deps", ConstraintKind.DEPENDENCY,
      "needs com.example:auth", Optional.empty());

  static final Approval ALICE = new Approval("alice@example.com", Optional.empty(), Optional.empty());
  static final Approval BOB_AS_VP = new Approval("bob@example.com", Optional.of("vp-engineering"), Optional.empty());
  static final Approval BOB_AS_SRE = new Approval("bob@example.com", Optional.of("sre"), Optional.empty());
  static final Approval MALLORY = new Approval("mallory@example.com", Optional.empty(), Optional.empty());

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no violations, no roles needed: APPROVED", "staging/catalog", Criticality.MEDIUM,
            List.of(NOT_FROZEN), List.of(), PlanState.APPROVED, Set.of(), Set.of()),
        Arguments.of("a violation: BLOCKED, roles still computed", E, Criticality.MEDIUM,
            List.of(WINDOW_CLOSED, NOT_FROZEN), List.of(), PlanState.BLOCKED, Set.of("sre"), Set.of("sre")),
        Arguments.of("a violation with every role approved: still BLOCKED", E, Criticality.MEDIUM,
            List.of(FROZEN), List.of(ALICE), PlanState.BLOCKED, Set.of("sre"), Set.of()),
        Arguments.of("constraints hold, role missing: PENDING", E, Criticality.MEDIUM,
            List.of(NOT_FROZEN), List.of(), PlanState.PENDING, Set.of("sre"), Set.of("sre")),
        Arguments.of("role met by a member's approval: APPROVED", E, Criticality.MEDIUM,
            List.of(NOT_FROZEN), List.of(ALICE), PlanState.APPROVED, Set.of("sre"), Set.of()),
        Arguments.of("approval by a non-member does not count: PENDING", E, Criticality.MEDIUM,
            List.of(), List.of(MALLORY), PlanState.PENDING, Set.of("sre"), Set.of("sre")),
        Arguments.of("approval naming another role does not count: PENDING", E, Criticality.MEDIUM,
            List.of(), List.of(BOB_AS_VP), PlanState.PENDING, Set.of("sre"), Set.of("sre")),
        Arguments.of("critical product needs two roles, one approved: PENDING", E, Criticality.CRITICAL,
            List.of(), List.of(ALICE), PlanState.PENDING, Set.of("sre", "vp-engineering"), Set.of("vp-engineering")),
        Arguments.of("critical product, both roles approved: APPROVED", E, Criticality.CRITICAL,
            List.of(), List.of(ALICE, BOB_AS_VP), PlanState.APPROVED, Set.of("sre", "vp-engineering"), Set.of()),
        Arguments.of("one person in two roles approving without naming one meets both", E, Criticality.CRITICAL,
            List.of(), List.of(new Approval("bob@example.com", Optional.empty(), Optional.empty())),
            PlanState.APPROVED, Set.of("sre", "vp-engineering"), Set.of()),
        Arguments.of("naming one role meets only that role", E, Criticality.CRITICAL,
            List.of(), List.of(BOB_AS_SRE), PlanState.PENDING, Set.of("sre", "vp-engineering"),
            Set.of("vp-engineering")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void statesThePlan(String name, String entity, Criticality criticality, List<Verdict> verdicts,
      List<Approval> approvals, PlanState state, Set<String> required, Set<String> missing) {
    Fleet fleet = fleet(criticality).pinned(entity, P, "1.3.0").runs(entity, "1.2.0");
    String id = new Planner((change, context) -> List.of()).plan(fleet.input()).plans().get(0).id();
    PlanningInput input =
        new PlanningInput(fleet.desired(), fleet.reported(), Fleet.NOW, Map.of(id, approvals), Set.of());

    Plan plan = new Planner((change, context) -> verdicts).plan(input).plans().get(0);

    assertThat(plan.id()).isEqualTo(id);
    assertThat(plan.state()).isEqualTo(state);
    assertThat(plan.requiredRoles()).containsExactlyInAnyOrderElementsOf(required);
    assertThat(plan.missingRoles()).containsExactlyInAnyOrderElementsOf(missing);
    assertThat(plan.verdicts()).isEqualTo(verdicts);
  }

  static Stream<Arguments> unblocks() {
    return Stream.of(
        Arguments.of("nothing violated: nothing to wait for", List.of(NOT_FROZEN), Optional.empty()),
        Arguments.of("one window: its next opening", List.of(WINDOW_CLOSED, NOT_FROZEN), Optional.of(NEXT_WINDOW)),
        Arguments.of("window and freeze, both lifted by the later: the later of the two",
            List.of(WINDOW_CLOSED, FROZEN), Optional.of(FREEZE_ENDS)),
        Arguments.of("a dependency cannot say when", List.of(WINDOW_CLOSED, DEPENDENCY_UNMET), Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unblocks")
  void saysWhenItCouldProceed(String name, List<Verdict> verdicts, Optional<Instant> unblocksAt) {
    Fleet fleet = fleet(Criticality.MEDIUM).pinned(E, P, "1.3.0").runs(E, "1.2.0");

    // The constraints hold again once their unblocksAt has passed, as real windows and freezes do.
    Plan plan = new Planner((change, context) -> context.now().equals(Fleet.NOW) ? verdicts : List.of())
        .plan(fleet.input()).plans().get(0);

    assertThat(plan.unblocksAt()).isEqualTo(unblocksAt);
    assertThat(plan.violations()).allMatch(Verdict::violated)
        .hasSize((int) verdicts.stream().filter(Verdict::violated).count());
  }

  @Test
  void judgesEachChangeOnceWithOneContextPerPass() {
    Fleet fleet = fleet(Criticality.MEDIUM).pinned(E, P, "1.3.0").runs(E, "1.2.0")
        .pinned("staging/catalog", P, "1.3.0").pinned("dev/catalog", P, "1.2.0").runs("dev/catalog", "1.2.0");
    List<EvaluationContext> contexts = new ArrayList<>();
    List<EntityId> judged = new ArrayList<>();
    ConstraintCheck check = (change, context) -> {
      contexts.add(context);
      judged.add(change.entity().id());
      return List.of();
    };

    new Planner(check).plan(fleet.input());

    assertThat(judged).containsExactlyInAnyOrder(ID, EntityId.parse("staging/catalog"));
    assertThat(contexts).hasSize(2);
    assertThat(contexts.get(0)).isSameAs(contexts.get(1));
    assertThat(contexts.get(0).now()).isEqualTo(Fleet.NOW);
  }

  @Test
  void handsTheConstraintCheckTheWholeChange() {
    Fleet fleet = fleet(Criticality.HIGH).pinned(E, P, "1.3.0").runs(E, "1.2.0");
    List<String> seen = new ArrayList<>();

    new Planner((change, context) -> {
      seen.add(change.type() + " " + change.fromVersion().orElseThrow() + " " + change.toVersion().orElseThrow()
          + " " + change.targetRelease().orElseThrow().version() + " " + change.product().criticality());
      return List.of();
    }).plan(fleet.input());

    assertThat(seen).containsExactly("upgrade 1.2.0 1.3.0 1.3.0 high");
  }

  private static Fleet fleet(Criticality criticality) {
    return Fleet.fleet().product(P, criticality).release(P, "1.2.0").release(P, "1.3.0")
        .approvalRule(Set.of("production"), Set.of(PlanType.UPGRADE), Set.of(), "sre")
        .approvalRule(Set.of(), Set.of(), Set.of(Criticality.CRITICAL), "vp-engineering")
        .role("sre", "alice@example.com", "bob@example.com")
        .role("vp-engineering", "bob@example.com");
  }
}
