package io.apollo.core.plan;

import io.apollo.core.config.PlanType;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.version.Version;
import java.util.Optional;

/** What a test expects of one entity's decision: a plan of a type, from and to, for a reason; or no plan, and why. */
record Expect(Optional<PlanType> type, String from, String to, Optional<PlanReason> reason,
    Optional<NoPlanReason> noPlan) {

  static Expect plan(PlanType type, String from, String to, PlanReason reason) {
    return new Expect(Optional.of(type), from, to, Optional.of(reason), Optional.empty());
  }

  static Expect none(NoPlanReason reason) {
    return new Expect(Optional.empty(), null, null, Optional.empty(), Optional.of(reason));
  }

  void check(EntityDecision decision) {
    if (noPlan.isPresent()) {
      assertThat(decision.plan()).as("plan").isEmpty();
      assertThat(decision.noPlan().orElseThrow().reason()).as("no-plan reason").isEqualTo(noPlan.get());
      return;
    }
    assertThat(decision.noPlan()).as("no plan, because").isEmpty();
    Plan plan = decision.plan().orElseThrow();
    assertThat(plan.type()).as("type").isEqualTo(type.get());
    assertThat(plan.fromVersion().map(Version::toString)).as("from").isEqualTo(Optional.ofNullable(from));
    assertThat(plan.toVersion().map(Version::toString)).as("to").isEqualTo(Optional.ofNullable(to));
    assertThat(plan.reason()).as("reason").isEqualTo(reason.get());
    assertThat(plan.message()).as("message").isNotBlank();
  }
}
