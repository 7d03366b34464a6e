package io.apollo.core.plan;

import io.apollo.core.config.PlanType;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.EntityId;
import io.apollo.core.version.Version;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanIdsTest {
  static final EntityId ENTITY = EntityId.parse("production/catalog");
  static final Optional<Version> FROM = Optional.of(Version.parse("1.2.0"));
  static final Optional<Version> TO = Optional.of(Version.parse("1.3.0"));
  static final String DIGEST = "sha256:aaaa";
  static final String BASE = PlanIds.of(ENTITY, PlanType.UPGRADE, FROM, TO, DIGEST);

  @Test
  void sameChangeSameId() {
    assertThat(PlanIds.of(EntityId.parse("production/catalog"), PlanType.UPGRADE,
        Optional.of(Version.parse("1.2.0")), Optional.of(Version.parse("1.3.0")), "sha256:aaaa")).isEqualTo(BASE);
  }

  @Test
  void safeInFileAndBranchNames() {
    assertThat(BASE).matches("pl-[0-9a-f]{16}");
    assertThat(PlanIds.isPlanId(BASE)).isTrue();
    assertThat(PlanIds.isPlanId("pl-../../etc")).isFalse();
    assertThat(PlanIds.isPlanId(null)).isFalse();
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of("other entity", PlanIds.of(EntityId.parse("staging/catalog"), PlanType.UPGRADE, FROM, TO, DIGEST)),
        Arguments.of("other entity name", PlanIds.of(EntityId.parse("production/catalog2"), PlanType.UPGRADE, FROM, TO,
            DIGEST)),
        Arguments.of("other type", PlanIds.of(ENTITY, PlanType.ROLLBACK, FROM, TO, DIGEST)),
        Arguments.of("other from", PlanIds.of(ENTITY, PlanType.UPGRADE, version("1.1.0"), TO, DIGEST)),
        Arguments.of("no from", PlanIds.of(ENTITY, PlanType.UPGRADE, Optional.empty(), TO, DIGEST)),
        Arguments.of("other to", PlanIds.of(ENTITY, PlanType.UPGRADE, FROM, version("1.3.1"), DIGEST)),
        Arguments.of("no to", PlanIds.of(ENTITY, PlanType.UPGRADE, FROM, Optional.empty(), DIGEST)),
        Arguments.of("other config", PlanIds.of(ENTITY, PlanType.UPGRADE, FROM, TO, "sha256:bbbb")),
        Arguments.of("from and to swapped", PlanIds.of(ENTITY, PlanType.UPGRADE, TO, FROM, DIGEST)));
  }

  @ParameterizedTest(name = "{0} changes the id")
  @MethodSource("changes")
  void eachPartChangesTheId(String name, String id) {
    assertThat(id).isNotEqualTo(BASE).matches("pl-[0-9a-f]{16}");
  }

  private static Optional<Version> version(String v) {
    return Optional.of(Version.parse(v));
  }
}
