package io.apollo.spoke.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.version.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntityRecordTest {
  private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");
  private static final String DIGEST = "sha256:" + "a".repeat(64);

  private static EntityRecord running(String version, boolean ranHealthy, Optional<Version> lastHealthy) {
    return new EntityRecord(EntityId.parse("prod/a"), ProductId.parse("com.example:a"),
        Optional.of(Version.parse(version)), Optional.of(DIGEST), EntityState.RUNNING, Health.HEALTHY,
        Optional.of("p0"), Optional.empty(), lastHealthy, ranHealthy, "", T);
  }

  private static Optional<Version> v(String version) {
    return Optional.of(Version.parse(version));
  }

  static Stream<Arguments> planEnds() {
    return Stream.of(
        Arguments.of("upgrade from a version that ran healthy", running("1.0.0", true, Optional.empty()), true,
            v("1.1.0"), Health.HEALTHY, EntityState.RUNNING, v("1.0.0")),
        Arguments.of("upgrade from a version never seen healthy", running("1.0.0", false, v("0.9.0")), true,
            v("1.1.0"), Health.HEALTHY, EntityState.RUNNING, v("0.9.0")),
        Arguments.of("failed upgrade leaving the old version", running("1.0.0", true, v("0.9.0")), false,
            v("1.0.0"), Health.HEALTHY, EntityState.FAILED, v("0.9.0")),
        Arguments.of("failed upgrade leaving the new version broken", running("1.0.0", true, Optional.empty()),
            false, v("2.0.0"), Health.UNHEALTHY, EntityState.FAILED, v("1.0.0")),
        Arguments.of("succeeded but unhealthy at once", running("1.0.0", true, Optional.empty()), true, v("1.0.0"),
            Health.UNHEALTHY, EntityState.DEGRADED, Optional.empty()),
        Arguments.of("uninstalled", running("1.0.0", true, Optional.empty()), true, Optional.empty(),
            Health.UNKNOWN, EntityState.UNMANAGED, v("1.0.0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("planEnds")
  void aPlanEndSetsStateAndLastHealthyVersion(String name, EntityRecord before, boolean succeeded,
      Optional<Version> running, Health seen, EntityState state, Optional<Version> lastHealthy) {
    EntityRecord after = before.planEnded("p1", succeeded, running, Optional.of(DIGEST), seen, "m", T);

    assertThat(after.state()).isEqualTo(state);
    assertThat(after.lastHealthyVersion()).isEqualTo(lastHealthy);
    assertThat(after.version()).isEqualTo(running);
    assertThat(after.configDigest()).isEqualTo(running.isPresent() ? Optional.of(DIGEST) : Optional.empty());
    assertThat(after.lastPlanId()).contains("p1");
  }

  @Test
  void healthMovesRunningAndDegradedButLeavesFailedAndInstallingAlone() {
    EntityRecord ok = running("1.0.0", true, Optional.empty());
    EntityRecord degraded = ok.healthSeen(Health.UNHEALTHY, "check failed", T);
    assertThat(degraded.state()).isEqualTo(EntityState.DEGRADED);
    assertThat(degraded.message()).isEqualTo("check failed");
    assertThat(degraded.healthSeen(Health.HEALTHY, "", T).state()).isEqualTo(EntityState.RUNNING);

    EntityRecord failed = ok.planEnded("p1", false, v("1.0.0"), Optional.of(DIGEST), Health.HEALTHY, "x", T);
    assertThat(failed.healthSeen(Health.UNHEALTHY, "down", T).state()).isEqualTo(EntityState.FAILED);
    EntityRecord installing = ok.planBegun("p2", T);
    assertThat(installing.healthSeen(Health.UNHEALTHY, "down", T).state()).isEqualTo(EntityState.INSTALLING);
  }

  @Test
  void differsFromIgnoresOnlyTheTimeOfObservation() {
    EntityRecord a = running("1.0.0", true, Optional.empty());
    assertThat(a.healthSeen(Health.HEALTHY, "", T.plusSeconds(5)).differsFrom(a)).isFalse();
    assertThat(a.healthSeen(Health.UNHEALTHY, "", T.plusSeconds(5)).differsFrom(a)).isTrue();
  }
}
