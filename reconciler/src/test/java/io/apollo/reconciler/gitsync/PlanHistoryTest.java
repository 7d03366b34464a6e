package io.apollo.reconciler.gitsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanHistoryTest {
  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of("plans/production/p1.yaml", true, "p1"),
        Arguments.of("plans/staging/a1b2c3.yml", true, "a1b2c3"),
        Arguments.of("plans/production/eu/p2.YAML", true, "p2"),
        Arguments.of("plans/p3.yaml", true, "p3"),
        Arguments.of("plans/production/README.md", false, null),
        Arguments.of("plans/production/.hidden.yaml", false, null),
        Arguments.of("plans/.drafts/p4.yaml", false, null),
        Arguments.of("plans/production/.yaml", false, null),
        Arguments.of("entities/production.yaml", false, null),
        Arguments.of("old-plans/production/p5.yaml", false, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void planFilesAreYamlUnderPlansNamedByTheirId(String path, boolean isPlan, String id) {
    assertThat(PlanHistory.isPlanFile(path)).isEqualTo(isPlan);
    if (isPlan) {
      assertThat(PlanHistory.planId(path)).isEqualTo(id);
    }
  }
}
