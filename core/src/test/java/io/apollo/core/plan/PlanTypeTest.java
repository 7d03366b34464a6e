package io.apollo.core.plan;

import io.apollo.core.config.PlanType;
import static io.apollo.core.plan.Expect.none;
import static io.apollo.core.plan.Expect.plan;
import static io.apollo.core.plan.Fleet.fleet;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.apollo.core.config.EntityId;
import io.apollo.core.report.EntityState;
import io.apollo.core.version.Channel;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which plan type, if any, each combination of desired and reported state gives. */
class PlanTypeTest {
  static final String E = "production/catalog";
  static final String P = "com.example:catalog";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("nothing reported: install", setup(f -> f.pinned(E, P, "1.3.0")),
            plan(PlanType.INSTALL, null, "1.3.0", PlanReason.NOT_INSTALLED)),
        Arguments.of("reported without a version: install",
            setup(f -> f.pinned(E, P, "1.3.0").report(E, r -> r.nothingInstalled().state(EntityState.UNMANAGED))),
            plan(PlanType.INSTALL, null, "1.3.0", PlanReason.NOT_INSTALLED)),
        Arguments.of("follower with nothing installed: install newest",
            setup(f -> f.following(E, P, Channel.STABLE)),
            plan(PlanType.INSTALL, null, "1.3.0", PlanReason.NOT_INSTALLED)),
        Arguments.of("pin newer than what runs: upgrade", setup(f -> f.pinned(E, P, "1.3.0").runs(E, "1.2.0")),
            plan(PlanType.UPGRADE, "1.2.0", "1.3.0", PlanReason.PIN_CHANGED)),
        Arguments.of("pin older than what runs: rollback", setup(f -> f.pinned(E, P, "1.2.0").runs(E, "1.3.0")),
            plan(PlanType.ROLLBACK, "1.3.0", "1.2.0", PlanReason.PIN_CHANGED)),
        Arguments.of("follower behind the channel: upgrade",
            setup(f -> f.following(E, P, Channel.STABLE).runs(E, "1.2.0")),
            plan(PlanType.UPGRADE, "1.2.0", "1.3.0", PlanReason.NEWER_RELEASE)),
        Arguments.of("follower on a recalled release with a newer one: roll forward",
            setup(f -> f.release(P, "1.2.5", r -> r.recalled("CVE-1")).following(E, P, Channel.STABLE)
                .runs(E, "1.2.5")),
            plan(PlanType.UPGRADE, "1.2.5", "1.3.0", PlanReason.RECALLED_RUNNING)),
        Arguments.of("follower on a recalled newest release: roll back",
            setup(f -> f.release(P, "1.4.0", r -> r.recalled("CVE-2")).following(E, P, Channel.STABLE)
                .runs(E, "1.4.0")),
            plan(PlanType.ROLLBACK, "1.4.0", "1.3.0", PlanReason.RECALLED_RUNNING)),
        Arguments.of("same version, other config: config_update",
            setup(f -> f.pinned(E, P, "1.3.0").config(E, Map.of("threads", 8))
                .report(E, r -> r.version("1.3.0").configDigest("sha256:old"))),
            plan(PlanType.CONFIG_UPDATE, "1.3.0", "1.3.0", PlanReason.CONFIG_CHANGED)),
        Arguments.of("same version, no digest reported: no drift assumed",
            setup(f -> f.pinned(E, P, "1.3.0").config(E, Map.of("threads", 8))
                .report(E, r -> r.version("1.3.0").noConfigDigest())),
            none(NoPlanReason.IN_SYNC)),
        Arguments.of("same version and config: in sync", setup(f -> f.pinned(E, P, "1.3.0").runs(E, "1.3.0")),
            none(NoPlanReason.IN_SYNC)),
        Arguments.of("follower at the newest release: in sync",
            setup(f -> f.following(E, P, Channel.STABLE).runs(E, "1.3.0")), none(NoPlanReason.IN_SYNC)),
        Arguments.of("absent and installed: uninstall",
            setup(f -> f.pinned(E, P, "1.3.0").absent(E).runs(E, "1.2.0")),
            plan(PlanType.UNINSTALL, "1.2.0", null, PlanReason.ABSENT)),
        Arguments.of("absent and not installed: nothing", setup(f -> f.pinned(E, P, "1.3.0").absent(E)),
            none(NoPlanReason.ALREADY_ABSENT)),
        Arguments.of("absent and reported without a version: nothing",
            setup(f -> f.pinned(E, P, "1.3.0").absent(E)
                .report(E, r -> r.nothingInstalled().state(EntityState.UNMANAGED))),
            none(NoPlanReason.ALREADY_ABSENT)),
        Arguments.of("pinned onto a recalled release: no plan",
            setup(f -> f.release(P, "1.2.5", r -> r.recalled("CVE-1")).pinned(E, P, "1.2.5").runs(E, "1.2.0")),
            none(NoPlanReason.NO_TARGET)),
        Arguments.of("pinned to a version that is not a release: no plan",
            setup(f -> f.pinned(E, P, "9.9.9").runs(E, "1.2.0")), none(NoPlanReason.NO_TARGET)),
        Arguments.of("invalid definition is left alone",
            setup(f -> f.pinned(E, P, "1.2.0").invalid(E).runs(E, "1.3.0")),
            none(NoPlanReason.DEFINITION_INVALID)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(String name, Consumer<Fleet> setup, Expect expected) {
    Fleet fleet = fleet().release(P, "1.2.0").release(P, "1.3.0");
    setup.accept(fleet);

    PlanningResult result = new Planner((change, context) -> List.of()).plan(fleet.input());

    EntityDecision decision = result.decision(EntityId.parse(E)).orElse(null);
    assertNotNull(decision, "a decision for " + E);
    expected.check(decision);
  }

  static Consumer<Fleet> setup(Consumer<Fleet> setup) {
    return setup;
  }
}
