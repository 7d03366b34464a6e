package io.apollo.core.plan;

import static io.apollo.core.plan.Fleet.fleet;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.EntityId;
import io.apollo.core.constraint.ConstraintKind;
import io.apollo.core.constraint.Verdict;
import io.apollo.core.version.Channel;
import io.apollo.core.version.Version;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which version a channel follower targets, and which releases it passes over. Every case starts from the releases
 * 1.2.0 (stable), 1.2.0-7-gdeadbee (dev), 1.3.0-rc1 (beta) and 1.3.0-rc1-5-gabc1234 (dev) of catalog.
 */
class ChannelFollowingTest {
  static final String E = "production/catalog";
  static final String P = "com.example:catalog";
  static final String AUTH = "com.example:auth";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("stable follower ignores rc and snapshots", Channel.STABLE, setup(f -> {}),
            "1.2.0", TargetReason.NEWEST_ON_CHANNEL,
            List.of(SkipReason.NOT_ON_CHANNEL, SkipReason.NOT_ON_CHANNEL, SkipReason.NOT_ON_CHANNEL)),
        Arguments.of("beta follower takes the rc", Channel.BETA, setup(f -> {}),
            "1.3.0-rc1", TargetReason.NEWEST_ON_CHANNEL, List.of(SkipReason.NOT_ON_CHANNEL)),
        Arguments.of("beta follower takes a newer stable release", Channel.BETA,
            setup(f -> f.release(P, "1.3.0")), "1.3.0", TargetReason.NEWEST_ON_CHANNEL, List.of()),
        Arguments.of("dev follower takes the newest snapshot", Channel.DEV, setup(f -> {}),
            "1.3.0-rc1-5-gabc1234", TargetReason.NEWEST_ON_CHANNEL, List.of()),
        Arguments.of("an rc promoted to stable is taken by stable followers", Channel.STABLE,
            setup(f -> f.release(P, "1.4.0-rc2", r -> r.channels(Channel.BETA, Channel.STABLE))),
            "1.4.0-rc2", TargetReason.NEWEST_ON_CHANNEL, List.of()),
        Arguments.of("recalled newest release is skipped", Channel.STABLE,
            setup(f -> f.release(P, "1.3.0", r -> r.recalled("CVE-2026-1"))),
            "1.2.0", TargetReason.NEWEST_ON_CHANNEL,
            List.of(SkipReason.RECALLED, SkipReason.NOT_ON_CHANNEL, SkipReason.NOT_ON_CHANNEL,
                SkipReason.NOT_ON_CHANNEL)),
        Arguments.of("release skipped for an unmet dependency", Channel.STABLE,
            setup(f -> f.release(P, "1.4.0", r -> r.needs(AUTH, "2.0.0", "2.x.x"))
                .pinned("production/auth", AUTH, "1.5.0").release(AUTH, "1.5.0").runs("production/auth", "1.5.0")),
            "1.2.0", TargetReason.NEWEST_ON_CHANNEL,
            List.of(SkipReason.DEPENDENCY_UNMET, SkipReason.NOT_ON_CHANNEL, SkipReason.NOT_ON_CHANNEL,
                SkipReason.NOT_ON_CHANNEL)),
        Arguments.of("dependency met by what the environment runs", Channel.STABLE,
            setup(f -> f.release(P, "1.4.0", r -> r.needs(AUTH, "2.0.0", "2.x.x"))
                .pinned("production/auth", AUTH, "2.1.0").release(AUTH, "2.1.0").runs("production/auth", "2.1.0")),
            "1.4.0", TargetReason.NEWEST_ON_CHANNEL, List.of()),
        Arguments.of("dependency run in another environment does not count", Channel.STABLE,
            setup(f -> f.release(P, "1.4.0", r -> r.needs(AUTH, "2.0.0", "2.x.x"))
                .pinned("staging/auth", AUTH, "2.1.0").release(AUTH, "2.1.0").runs("staging/auth", "2.1.0")),
            "1.2.0", TargetReason.NEWEST_ON_CHANNEL,
            List.of(SkipReason.DEPENDENCY_UNMET, SkipReason.NOT_ON_CHANNEL, SkipReason.NOT_ON_CHANNEL,
                SkipReason.NOT_ON_CHANNEL)),
        Arguments.of("optional dependency is not required", Channel.STABLE,
            setup(f -> f.release(P, "1.4.0", r -> r.mayUse(AUTH, "2.0.0", "2.x.x"))),
            "1.4.0", TargetReason.NEWEST_ON_CHANNEL, List.of()),
        Arguments.of("never below the version it runs", Channel.STABLE,
            setup(f -> f.runs(E, "1.3.0-rc1")), "1.3.0-rc1", TargetReason.KEEPS_RUNNING,
            List.of(SkipReason.NOT_ON_CHANNEL, SkipReason.NOT_ON_CHANNEL, SkipReason.NOT_ON_CHANNEL,
                SkipReason.BELOW_RUNNING)),
        Arguments.of("keeps a newer version it runs that no release names", Channel.STABLE,
            setup(f -> f.runs(E, "1.5.0")), "1.5.0", TargetReason.KEEPS_RUNNING,
            List.of(SkipReason.NOT_ON_CHANNEL, SkipReason.NOT_ON_CHANNEL, SkipReason.NOT_ON_CHANNEL,
                SkipReason.BELOW_RUNNING)),

        Arguments.of("running release recalled: roll forward to the newest eligible", Channel.STABLE,
            setup(f -> f.release(P, "1.2.0-9-gfeed123").release(P, "1.1.0", r -> r.recalled("data loss"))
                .runs(E, "1.1.0")),
            "1.2.0", TargetReason.ROLL_FORWARD_FROM_RECALLED,
            List.of(SkipReason.NOT_ON_CHANNEL, SkipReason.NOT_ON_CHANNEL, SkipReason.NOT_ON_CHANNEL,
                SkipReason.NOT_ON_CHANNEL)),
        Arguments.of("running release recalled, nothing newer eligible: roll back", Channel.STABLE,
            setup(f -> f.release(P, "1.4.0", r -> r.recalled("CVE-2026-2"))
                .release(P, "1.5.0", r -> r.needs(AUTH, "3.0.0", "3.x.x")).runs(E, "1.4.0")),
            "1.2.0", TargetReason.ROLL_BACK_FROM_RECALLED,
            List.of(SkipReason.DEPENDENCY_UNMET, SkipReason.RECALLED, SkipReason.NOT_ON_CHANNEL,
                SkipReason.NOT_ON_CHANNEL, SkipReason.NOT_ON_CHANNEL)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void choosesTarget(String name, Channel channel, Consumer<Fleet> setup, String target, TargetReason reason,
      List<SkipReason> skipped) {
    Fleet fleet = fleet().release(P, "1.2.0").release(P, "1.2.0-7-gdeadbee").release(P, "1.3.0-rc1")
        .release(P, "1.3.0-rc1-5-gabc1234").following(E, P, channel);
    setup.accept(fleet);

    EntityDecision decision = plan(fleet).decision(EntityId.parse(E)).orElseThrow();

    assertThat(decision.target().version().map(Version::toString)).contains(target);
    assertThat(decision.target().reason()).isEqualTo(reason);
    assertThat(decision.skipped()).extracting(SkippedRelease::reason).containsExactlyElementsOf(skipped);
  }

  @Test
  void namesTheUnmetDependencyAndWhatRuns() {
    Fleet fleet = fleet().release(P, "1.2.0").release(P, "1.4.0", r -> r.needs(AUTH, "2.0.0", "2.x.x"))
        .release(AUTH, "1.5.0").pinned("production/auth", AUTH, "1.5.0").runs("production/auth", "1.5.0")
        .following(E, P, Channel.STABLE);

    SkippedRelease skipped = plan(fleet).decision(EntityId.parse(E)).orElseThrow().skipped().get(0);

    assertThat(skipped.message())
        .isEqualTo("1.4.0 needs com.example:auth in [2.0.0, 2.x.x]; production runs 1.5.0 (production/auth)");
  }

  @Test
  void saysWhenNothingOfTheDependencyRuns() {
    Fleet fleet = fleet().release(P, "1.2.0").release(P, "1.4.0", r -> r.needs(AUTH, "2.0.0", "2.x.x"))
        .following(E, P, Channel.STABLE);

    SkippedRelease skipped = plan(fleet).decision(EntityId.parse(E)).orElseThrow().skipped().get(0);

    assertThat(skipped.message()).endsWith("production runs none");
  }

  @Test
  void staysWhenTheOnlyNewerReleaseIsRecalled() {
    Fleet fleet = fleet().release(P, "1.1.0").release(P, "1.2.0", r -> r.recalled("bad build"))
        .following(E, P, Channel.STABLE).runs(E, "1.1.0");

    EntityDecision decision = plan(fleet).decision(EntityId.parse(E)).orElseThrow();

    assertThat(decision.target().reason()).isEqualTo(TargetReason.NEWEST_ON_CHANNEL);
    assertThat(decision.target().version().map(Version::toString)).contains("1.1.0");
    assertThat(decision.noPlan().orElseThrow().reason()).isEqualTo(NoPlanReason.IN_SYNC);
  }

  @Test
  void keepsAnUnlistedVersionWhenNoReleaseIsEligible() {
    Fleet fleet = fleet().release(P, "1.2.0", r -> r.recalled("bad build")).following(E, P, Channel.STABLE)
        .runs(E, "1.1.0");

    EntityDecision decision = plan(fleet).decision(EntityId.parse(E)).orElseThrow();

    assertThat(decision.target().reason()).isEqualTo(TargetReason.KEEPS_RUNNING);
    assertThat(decision.target().version().map(Version::toString)).contains("1.1.0");
    assertThat(decision.target().release()).isEmpty();
    assertThat(decision.noPlan().orElseThrow().reason()).isEqualTo(NoPlanReason.IN_SYNC);
  }

  @Test
  void recalledRunningWithNothingEligibleHasNoTarget() {
    Fleet fleet = fleet().release(P, "1.2.0", r -> r.recalled("CVE-1")).release(P, "1.3.0", r -> r.recalled("CVE-2"))
        .following(E, P, Channel.STABLE).runs(E, "1.3.0");

    EntityDecision decision = plan(fleet).decision(EntityId.parse(E)).orElseThrow();

    assertThat(decision.target().reason()).isEqualTo(TargetReason.NO_ELIGIBLE_RELEASE);
    assertThat(decision.target().message()).contains("runs 1.3.0, which is recalled (CVE-2)");
    assertThat(decision.noPlan().orElseThrow().reason()).isEqualTo(NoPlanReason.NO_TARGET);
    assertThat(decision.skipped()).extracting(SkippedRelease::reason)
        .containsExactly(SkipReason.RECALLED, SkipReason.RECALLED);
  }

  @Test
  void pinOntoRecalledSaysSo() {
    Fleet fleet = fleet().release(P, "1.3.0", r -> r.recalled("CVE-2026-1")).pinned(E, P, "1.3.0");

    EntityDecision decision = plan(fleet).decision(EntityId.parse(E)).orElseThrow();

    assertThat(decision.target().reason()).isEqualTo(TargetReason.PIN_RECALLED);
    assertThat(decision.noPlan().orElseThrow().message())
        .contains("pinned to 1.3.0, which is recalled (CVE-2026-1)").contains("pin another version");
  }

  @Test
  void windowsAndHealthNeverChangeTheTarget() {
    Fleet fleet = fleet().release(P, "1.2.0").release(P, "1.3.0").following(E, P, Channel.STABLE).runs(E, "1.2.0");
    Verdict closed =
        Verdict.violated("night", ConstraintKind.MAINTENANCE_WINDOW, "closed", Optional.of(Fleet.NOW.plusSeconds(60)));

    PlanningResult result = new Planner((change, context) -> List.of(closed)).plan(fleet.input());

    EntityDecision decision = result.decision(EntityId.parse(E)).orElseThrow();
    assertThat(decision.target().version().map(Version::toString)).contains("1.3.0");
    assertThat(decision.plan().orElseThrow().state()).isEqualTo(PlanState.BLOCKED);
  }

  private static PlanningResult plan(Fleet fleet) {
    return new Planner((change, context) -> List.of()).plan(fleet.input());
  }

  static Consumer<Fleet> setup(Consumer<Fleet> setup) {
    return setup;
  }
}
