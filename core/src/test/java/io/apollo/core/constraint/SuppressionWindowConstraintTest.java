package io.apollo.core.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.apollo.core.config.ConstraintRule.SuppressionWindow;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SuppressionWindowConstraintTest {
  private static final SuppressionWindow HOLIDAYS = new SuppressionWindow(
      Instant.parse("2026-12-20T00:00:00Z"), Instant.parse("2027-01-04T00:00:00Z"), "Holiday freeze");

  static Stream<Arguments> instants() {
    return Stream.of(
        arguments("a second before the start: free", "2026-12-19T23:59:59Z", false),
        arguments("exactly at the start: blocked", "2026-12-20T00:00:00Z", true),
        arguments("in the middle: blocked", "2026-12-25T12:00:00Z", true),
        arguments("a nanosecond before the end: blocked", "2027-01-03T23:59:59.999999999Z", true),
        arguments("exactly at the end: free, the end is exclusive", "2027-01-04T00:00:00Z", false),
        arguments("long after the end: free", "2027-06-01T00:00:00Z", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instants")
  void blocksFromStartUntilEnd(String name, String now, boolean blocked) {
    Verdict verdict = new SuppressionWindowConstraint("holiday-freeze", HOLIDAYS).evaluate(Instant.parse(now));

    assertThat(verdict.violated()).isEqualTo(blocked);
    assertThat(verdict.kind()).isEqualTo(ConstraintKind.SUPPRESSION_WINDOW);
    assertThat(verdict.unblocksAt())
        .isEqualTo(blocked ? Optional.of(Instant.parse("2027-01-04T00:00:00Z")) : Optional.empty());
  }

  @Test
  void saysWhichFreezeWhyAndUntilWhen() {
    SuppressionWindowConstraint freeze = new SuppressionWindowConstraint("holiday-freeze", HOLIDAYS);

    assertThat(freeze.evaluate(Instant.parse("2026-12-24T00:00:00Z")).message())
        .isEqualTo("inside freeze 'holiday-freeze' (Holiday freeze) until 2027-01-04T00:00:00Z");
    assertThat(freeze.evaluate(Instant.parse("2026-12-01T00:00:00Z")).message())
        .isEqualTo("freeze 'holiday-freeze' (Holiday freeze) starts 2026-12-20T00:00:00Z; not in force yet");
    assertThat(freeze.evaluate(Instant.parse("2027-01-05T00:00:00Z")).message())
        .isEqualTo("freeze 'holiday-freeze' (Holiday freeze) ended 2027-01-04T00:00:00Z");
  }

  @Test
  void leavesOutAReasonThatWasNotGiven() {
    SuppressionWindow noReason =
        new SuppressionWindow(Instant.parse("2026-12-20T00:00:00Z"), Instant.parse("2027-01-04T00:00:00Z"), null);

    assertThat(new SuppressionWindowConstraint("q4", noReason).evaluate(Instant.parse("2026-12-24T00:00:00Z"))
            .message())
        .isEqualTo("inside freeze 'q4' until 2027-01-04T00:00:00Z");
  }

  @Test
  void neverBlocksWhenItEndsBeforeItStarts() {
    SuppressionWindow backwards =
        new SuppressionWindow(Instant.parse("2027-01-04T00:00:00Z"), Instant.parse("2026-12-20T00:00:00Z"), "typo");

    assertThat(new SuppressionWindowConstraint("backwards", backwards).evaluate(Instant.parse("2027-01-04T00:00:00Z"))
            .satisfied())
        .isTrue();
  }
}
