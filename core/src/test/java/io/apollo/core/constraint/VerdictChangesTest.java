package io.apollo.core.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.Constraint;
import io.apollo.core.config.ConstraintRule;
import io.apollo.core.config.Metadata;
import io.apollo.core.config.Origin;
import io.apollo.core.config.Selector;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VerdictChangesTest {
  private static final ConstraintRule NIGHTLY =
      new ConstraintRule.MaintenanceWindow("0 3 * * *", Duration.ofHours(1), ZoneOffset.UTC);
  private static final ConstraintRule FREEZE = new ConstraintRule.SuppressionWindow(
      Instant.parse("2026-12-20T00:00:00Z"), Instant.parse("2027-01-04T00:00:00Z"), "holidays");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("window shut: it opens next", List.of(NIGHTLY), "2026-12-01T10:00:00Z", "2026-12-02T03:00:00Z"),
        Arguments.of("window open: it closes", List.of(NIGHTLY), "2026-12-01T03:30:00Z", "2026-12-01T04:00:00Z"),
        Arguments.of("freeze ahead: it starts", List.of(FREEZE), "2026-12-01T10:00:00Z", "2026-12-20T00:00:00Z"),
        Arguments.of("freeze on: it ends", List.of(FREEZE), "2026-12-25T10:00:00Z", "2027-01-04T00:00:00Z"),
        Arguments.of("freeze over: nothing", List.of(FREEZE), "2027-02-01T10:00:00Z", null),
        Arguments.of("the earliest of several", List.of(FREEZE, NIGHTLY), "2026-12-19T23:30:00Z",
            "2026-12-20T00:00:00Z"),
        Arguments.of("dependencies never turn with time", List.of(new ConstraintRule.Dependency(true)),
            "2026-12-01T10:00:00Z", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void nextTurn(String name, List<ConstraintRule> rules, String now, String expected) {
    List<Constraint> constraints = rules.stream().map(r -> new Constraint(Metadata.named(name), selectAll(), r,
        Origin.of("constraints/c.yaml"))).toList();
    assertThat(VerdictChanges.next(constraints, Instant.parse(now)).map(Instant::toString))
        .isEqualTo(java.util.Optional.ofNullable(expected));
  }

  private static Selector selectAll() {
    return new Selector(java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), Map.of());
  }
}
