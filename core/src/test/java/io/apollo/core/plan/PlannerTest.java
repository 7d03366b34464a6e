package io.apollo.core.plan;

import io.apollo.core.config.PlanType;
import static io.apollo.core.plan.Fleet.fleet;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.EntityId;
import io.apollo.core.version.Channel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole planning pass: who gets a decision, who gets a plan, and that the pass is a pure function. */
class PlannerTest {
  static final String P = "com.example:catalog";

  @Test
  void invalidDefinitionIsLeftAloneEvenWhenItWouldChange() {
    Fleet fleet = fleet().release(P, "1.2.0").release(P, "1.3.0")
        .pinned("production/catalog", P, "1.2.0").runs("production/catalog", "1.3.0").invalid("production/catalog")
        .invalid("production/broken").report("production/broken", r -> r.product(P).version("1.3.0"));

    PlanningResult result = plan(fleet);

    assertThat(result.plans()).isEmpty();
    for (String id : List.of("production/catalog", "production/broken")) {
      EntityDecision decision = result.decision(EntityId.parse(id)).orElseThrow();
      assertThat(decision.noPlan().orElseThrow().reason()).isEqualTo(NoPlanReason.DEFINITION_INVALID);
      assertThat(decision.noPlan().orElseThrow().message()).contains("left alone");
      assertThat(decision.target().reason()).isEqualTo(TargetReason.DEFINITION_INVALID);
    }
  }

  @Test
  void deletingADefinitionNeverUninstalls() {
    Fleet fleet = fleet().release(P, "1.2.0")
        .report("production/old", r -> r.product(P).version("1.2.0"));

    PlanningResult result = plan(fleet);

    assertThat(result.plans()).isEmpty();
    NoPlan noPlan = result.decision(EntityId.parse("production/old")).orElseThrow().noPlan().orElseThrow();
    assertThat(noPlan.reason()).isEqualTo(NoPlanReason.NOT_DESIRED);
    assertThat(noPlan.message()).contains("state: absent");
  }

  @Test
  void everyDesiredInvalidAndReportedEntityHasOneDecision() {
    Fleet fleet = fleet().release(P, "1.2.0")
        .pinned("dev/a", P, "1.2.0")
        .pinned("dev/b", P, "1.2.0").runs("dev/b", "1.2.0")
        .invalid("dev/c")
        .report("dev/d", r -> r.product(P).version("1.2.0"));

    PlanningResult result = plan(fleet);

    assertThat(result.decisions().keySet()).extracting(EntityId::toString)
        .containsExactly("dev/a", "dev/b", "dev/c", "dev/d");
    assertThat(result.plans()).extracting(p -> p.entity().toString()).containsExactly("dev/a");
    assertThat(result.plan(EntityId.parse("dev/a"))).isPresent();
    assertThat(result.at()).isEqualTo(Fleet.NOW);
  }

  @Test
  void planCarriesWhatTheSpokeNeeds() {
    Fleet fleet = fleet().release(P, "1.2.0").release(P, "1.3.0")
        .following("production/catalog", P, Channel.STABLE).runs("production/catalog", "1.2.0");

    Plan plan = plan(fleet).plans().get(0);

    assertThat(plan.entity()).isEqualTo(EntityId.parse("production/catalog"));
    assertThat(plan.product().toString()).isEqualTo(P);
    assertThat(plan.spoke()).isEqualTo("spoke-production");
    assertThat(plan.configDigest()).isEqualTo(fleet.entity("production/catalog").configDigest());
    assertThat(plan.message()).isEqualTo("newest eligible release on channel stable");
  }

  @Test
  void uninstallCarriesNoConfig() {
    Fleet fleet = fleet().release(P, "1.2.0").pinned("dev/a", P, "1.2.0").absent("dev/a").runs("dev/a", "1.2.0");

    Plan plan = plan(fleet).plans().get(0);

    assertThat(plan.type()).isEqualTo(PlanType.UNINSTALL);
    assertThat(plan.configDigest()).isEmpty();
    assertThat(plan.toVersion()).isEmpty();
  }

  @Test
  void samePassTwiceGivesTheSameResult() {
    Fleet fleet = fleet().release(P, "1.2.0").release(P, "1.3.0")
        .following("production/a", P, Channel.STABLE).runs("production/a", "1.2.0")
        .pinned("staging/b", P, "1.2.0");

    assertThat(plan(fleet)).isEqualTo(plan(fleet));
  }

  @Test
  void unrelatedChangesDoNotChurnPlanIds() {
    Fleet before = fleet().release(P, "1.2.0").release(P, "1.3.0")
        .pinned("production/a", P, "1.3.0").runs("production/a", "1.2.0");
    Fleet after = fleet().release(P, "1.2.0").release(P, "1.3.0").release("com.example:other", "9.0.0")
        .pinned("production/a", P, "1.3.0").runs("production/a", "1.2.0")
        .pinned("production/z", "com.example:other", "9.0.0");

    assertThat(plan(after).plan(EntityId.parse("production/a")).orElseThrow().id())
        .isEqualTo(plan(before).plan(EntityId.parse("production/a")).orElseThrow().id());
  }

  private static PlanningResult plan(Fleet fleet) {
    return new Planner((change, context) -> List.of()).plan(fleet.input());
  }
}
