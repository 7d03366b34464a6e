package io.apollo.cli.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.PlanType;
import io.apollo.core.config.ProductId;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanReason;
import io.apollo.core.plan.PlanState;
import io.apollo.core.version.Version;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link PlanChange#between}: which pairs of plans are a change, and how it is said. */
class PlanChangeTest {
  private static final EntityId ENTITY = new EntityId("production", "catalog");

  static Plan plan(PlanType type, String from, String to, PlanState state, Set<String> roles) {
    return new Plan("pl-0000000000000000", ENTITY, ProductId.parse("com.example:catalog"), "spoke", type,
        Optional.ofNullable(from).map(Version::parse), Optional.ofNullable(to).map(Version::parse), "digest", state,
        List.of(), roles, roles, PlanReason.NEWER_RELEASE, "", Optional.empty());
  }

  static Stream<Arguments> cases() {
    Plan upgrade = plan(PlanType.UPGRADE, "1.0.0", "1.1.0", PlanState.PENDING, Set.of("sre"));
    return Stream.of(
        Arguments.of("no plan either side", null, null, null, List.of()),
        Arguments.of("same plan", upgrade, upgrade, null, List.of()),
        Arguments.of("a plan appears", null, upgrade, PlanChange.Kind.APPEARS, List.of()),
        Arguments.of("a plan disappears", upgrade, null, PlanChange.Kind.DISAPPEARS, List.of()),
        Arguments.of("another target", upgrade,
            plan(PlanType.UPGRADE, "1.0.0", "1.2.0", PlanState.PENDING, Set.of("sre")), PlanChange.Kind.CHANGES,
            List.of("to 1.1.0 -> 1.2.0")),
        Arguments.of("approval no longer needed", upgrade,
            plan(PlanType.UPGRADE, "1.0.0", "1.1.0", PlanState.APPROVED, Set.of()), PlanChange.Kind.CHANGES,
            List.of("state PENDING -> APPROVED", "roles sre -> none")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void judgesEachPair(String name, Plan before, Plan after, PlanChange.Kind kind, List<String> differences) {
    Optional<PlanChange> change = PlanChange.between(ENTITY, Optional.ofNullable(before), Optional.ofNullable(after));
    assertThat(change.map(PlanChange::kind).orElse(null)).isEqualTo(kind);
    change.ifPresent(c -> assertThat(c.differences()).isEqualTo(differences));
  }
}
