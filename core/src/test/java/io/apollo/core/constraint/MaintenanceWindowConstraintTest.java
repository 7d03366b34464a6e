package io.apollo.core.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.apollo.core.ApolloException;
import io.apollo.core.config.ConstraintRule.MaintenanceWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MaintenanceWindowConstraintTest {
  private static final String LONDON = "Europe/London";
  private static final String NEW_YORK = "America/New_York";
  private static final boolean OPEN = true;
  private static final boolean CLOSED = false;

  /**
   * name, cron, duration, zone, now, open?, then: when open the instant the window closes, when closed the instant
   * it next opens (the verdict's unblocksAt). Europe/London 2026: clocks go forward at 01:00Z on Sun 29 March and
   * back at 01:00Z on Sun 25 October. America/New_York 2026: forward at 07:00Z on Sun 8 March, back at 06:00Z on
   * Sun 1 November.
   */
  static Stream<Arguments> windows() {
    return Stream.of(
        arguments("saturday night window, closed midweek",
            "0 2 * * 6", "PT4H", LONDON, "2026-12-01T00:00:00Z", CLOSED, "2026-12-05T02:00:00Z"),
        arguments("closed one minute before the start",
            "0 2 * * 6", "PT4H", LONDON, "2026-12-05T01:59:00Z", CLOSED, "2026-12-05T02:00:00Z"),
        arguments("open exactly at the start",
            "0 2 * * 6", "PT4H", LONDON, "2026-12-05T02:00:00Z", OPEN, "2026-12-05T06:00:00Z"),
        arguments("open one second before the end",
            "0 2 * * 6", "PT4H", LONDON, "2026-12-05T05:59:59Z", OPEN, "2026-12-05T06:00:00Z"),
        arguments("closed exactly at start plus duration",
            "0 2 * * 6", "PT4H", LONDON, "2026-12-05T06:00:00Z", CLOSED, "2026-12-12T02:00:00Z"),
        arguments("summer saturday window opens at 02:00 BST, 01:00Z",
            "0 2 * * 6", "PT4H", LONDON, "2026-07-04T01:00:00Z", OPEN, "2026-07-04T05:00:00Z"),
        arguments("summer saturday window is still closed at 02:00Z minus an hour of BST",
            "0 2 * * 6", "PT4H", LONDON, "2026-07-04T00:59:00Z", CLOSED, "2026-07-04T01:00:00Z"),

        arguments("22:00 window for six hours is open at 03:00 the next day",
            "0 22 * * *", "PT6H", "UTC", "2026-06-02T03:00:00Z", OPEN, "2026-06-02T04:00:00Z"),
        arguments("22:00 window for six hours is closed at 04:00 the next day",
            "0 22 * * *", "PT6H", "UTC", "2026-06-02T04:00:00Z", CLOSED, "2026-06-02T22:00:00Z"),
        arguments("sunday 22:00 for four hours is open at monday 01:00",
            "0 22 * * 0", "PT4H", LONDON, "2026-06-08T00:00:00Z", OPEN, "2026-06-08T01:00:00Z"),
        arguments("sunday 22:00 for four hours is closed at monday 02:00, opens next sunday",
            "0 22 * * 0", "PT4H", LONDON, "2026-06-08T01:00:00Z", CLOSED, "2026-06-14T21:00:00Z"),
        arguments("friday 20:00 for sixty hours is open on sunday",
            "0 20 * * 5", "PT60H", "UTC", "2026-06-07T12:00:00Z", OPEN, "2026-06-08T08:00:00Z"),
        arguments("windows longer than the gap between starts overlap: the latest start decides",
            "0 0 * * *", "P2D", "UTC", "2026-06-07T23:59:00Z", OPEN, "2026-06-09T00:00:00Z"),
        arguments("a monday window of thirty hours is still open early on tuesday",
            "0 0 * * 1", "PT30H", "UTC", "2026-06-09T05:59:00Z", OPEN, "2026-06-09T06:00:00Z"),

        arguments("London 01:30 on the spring-forward day opens at 02:30 BST, not skipped",
            "30 1 * * *", "PT1H", LONDON, "2026-03-29T01:30:00Z", OPEN, "2026-03-29T02:30:00Z"),
        arguments("London 01:30 on the spring-forward day is closed at 02:29 BST",
            "30 1 * * *", "PT1H", LONDON, "2026-03-29T01:29:00Z", CLOSED, "2026-03-29T01:30:00Z"),
        arguments("London 01:30 on the spring-forward day closes an elapsed hour later, 03:30 BST",
            "30 1 * * *", "PT1H", LONDON, "2026-03-29T02:30:00Z", CLOSED, "2026-03-30T00:30:00Z"),
        arguments("London 01:30 the day before spring-forward is 01:30 GMT",
            "30 1 * * *", "PT1H", LONDON, "2026-03-28T01:30:00Z", OPEN, "2026-03-28T02:30:00Z"),
        arguments("London midnight window for four hours across the lost hour lasts four elapsed hours",
            "0 0 * * *", "PT4H", LONDON, "2026-03-29T03:59:00Z", OPEN, "2026-03-29T04:00:00Z"),
        arguments("London midnight window across the lost hour is closed at 05:00 BST",
            "0 0 * * *", "PT4H", LONDON, "2026-03-29T04:00:00Z", CLOSED, "2026-03-29T23:00:00Z"),
        arguments("London window straddling the repeated hour lasts two elapsed hours",
            "30 0 * * *", "PT2H", LONDON, "2026-10-25T01:29:00Z", OPEN, "2026-10-25T01:30:00Z"),
        arguments("London window straddling the repeated hour is closed at the second 01:30",
            "30 0 * * *", "PT2H", LONDON, "2026-10-25T01:30:00Z", CLOSED, "2026-10-26T00:30:00Z"),
        arguments("London 01:30 in the repeated hour opens at 01:30 BST",
            "30 1 * * *", "PT30M", LONDON, "2026-10-25T00:45:00Z", OPEN, "2026-10-25T01:00:00Z"),
        arguments("London 01:30 in the repeated hour does not open again at 01:30 GMT",
            "30 1 * * *", "PT30M", LONDON, "2026-10-25T01:30:00Z", CLOSED, "2026-10-26T01:30:00Z"),
        arguments("London hourly window does not restart in the repeated hour",
            "0 * * * *", "PT1H", LONDON, "2026-10-25T01:15:00Z", CLOSED, "2026-10-25T02:00:00Z"),
        arguments("London 01:30 before the repeated hour opens next at 01:30 BST",
            "30 1 * * *", "PT30M", LONDON, "2026-10-24T23:00:00Z", CLOSED, "2026-10-25T00:30:00Z"),

        arguments("New York 02:30 on the spring-forward day opens at 03:30 EDT",
            "30 2 * * *", "PT1H", NEW_YORK, "2026-03-08T07:30:00Z", OPEN, "2026-03-08T08:30:00Z"),
        arguments("New York 02:30 on the spring-forward day is closed at 03:29 EDT",
            "30 2 * * *", "PT1H", NEW_YORK, "2026-03-08T07:29:00Z", CLOSED, "2026-03-08T07:30:00Z"),
        arguments("New York 02:30 the day after spring-forward is 02:30 EDT",
            "30 2 * * *", "PT1H", NEW_YORK, "2026-03-08T08:30:00Z", CLOSED, "2026-03-09T06:30:00Z"),
        arguments("New York 01:30 in the repeated hour opens at 01:30 EDT",
            "30 1 * * *", "PT1H", NEW_YORK, "2026-11-01T06:15:00Z", OPEN, "2026-11-01T06:30:00Z"),
        arguments("New York 01:30 in the repeated hour does not open again at 01:30 EST",
            "30 1 * * *", "PT1H", NEW_YORK, "2026-11-01T06:30:00Z", CLOSED, "2026-11-02T06:30:00Z"),
        arguments("New York sunday midnight for three hours spans the extra hour by elapsed time",
            "0 0 * * 0", "PT3H", NEW_YORK, "2026-11-01T06:59:00Z", OPEN, "2026-11-01T07:00:00Z"),
        arguments("New York sunday midnight for three hours closes at 02:00 EST",
            "0 0 * * 0", "PT3H", NEW_YORK, "2026-11-01T07:00:00Z", CLOSED, "2026-11-08T05:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("windows")
  void judgesWindowsInTheirZone(
      String name, String cron, String duration, String zone, String now, boolean open, String then) {
    MaintenanceWindowConstraint window = new MaintenanceWindowConstraint(
        "w", new MaintenanceWindow(cron, Duration.parse(duration), ZoneId.of(zone)));

    Verdict verdict = window.evaluate(Instant.parse(now));

    assertThat(verdict.satisfied()).as("open").isEqualTo(open);
    assertThat(verdict.kind()).isEqualTo(ConstraintKind.MAINTENANCE_WINDOW);
    if (open) {
      assertThat(verdict.unblocksAt()).isEmpty();
      assertThat(verdict.message()).endsWith("(" + then + ")");
    } else {
      assertThat(verdict.unblocksAt()).contains(Instant.parse(then));
    }
  }

  @Test
  void saysWhatAndUntilWhenInTheZoneAndInUtc() {
    MaintenanceWindowConstraint window = new MaintenanceWindowConstraint(
        "prod-saturday-night", new MaintenanceWindow("0 2 * * 6", Duration.ofHours(4), ZoneId.of(LONDON)));

    assertThat(window.evaluate(Instant.parse("2026-12-01T00:00:00Z")).message())
        .isEqualTo("outside maintenance window 'prod-saturday-night' (0 2 * * 6 for PT4H, Europe/London); "
            + "next opens Sat 2026-12-05 02:00 GMT (2026-12-05T02:00:00Z)");
    assertThat(window.evaluate(Instant.parse("2026-12-05T03:00:00Z")).message())
        .isEqualTo("inside maintenance window 'prod-saturday-night' (0 2 * * 6 for PT4H, Europe/London); "
            + "open until Sat 2026-12-05 06:00 GMT (2026-12-05T06:00:00Z)");
    assertThat(window.evaluate(Instant.parse("2026-07-01T00:00:00Z")).message())
        .endsWith("next opens Sat 2026-07-04 02:00 BST (2026-07-04T01:00:00Z)");
  }

  @Test
  void namesUtcPlainlyForOffsetZones() {
    MaintenanceWindowConstraint window = new MaintenanceWindowConstraint(
        "nightly", new MaintenanceWindow("0 3 * * *", Duration.ofHours(1), ZoneOffset.UTC));

    assertThat(window.evaluate(Instant.parse("2026-06-01T12:00:00Z")).message())
        .endsWith("next opens Tue 2026-06-02 03:00 UTC (2026-06-02T03:00:00Z)");
  }

  @Test
  void saysSoWhenTheCronNeverFiresAgain() {
    MaintenanceWindowConstraint window = new MaintenanceWindowConstraint(
        "never", new MaintenanceWindow("0 0 30 2 *", Duration.ofHours(1), ZoneId.of("UTC")));

    Verdict verdict = window.evaluate(Instant.parse("2026-06-01T12:00:00Z"));

    assertThat(verdict.violated()).isTrue();
    assertThat(verdict.unblocksAt()).isEqualTo(Optional.empty());
    assertThat(verdict.message()).endsWith("its cron never fires again");
  }

  @Test
  void refusesACronThatIsNotUnixWithAClearMessage() {
    assertThatThrownBy(() -> new MaintenanceWindowConstraint(
            "bad", new MaintenanceWindow("0 2 * * 6 2026", Duration.ofHours(4), ZoneId.of("UTC"))))
        .isInstanceOf(ApolloException.class)
        .hasMessageContaining("'0 2 * * 6 2026' is not a UNIX cron expression");
  }

  @Test
  void refusesADurationThatIsNotPositive() {
    assertThatThrownBy(() -> new MaintenanceWindowConstraint(
            "zero", new MaintenanceWindow("0 2 * * 6", Duration.ZERO, ZoneId.of("UTC"))))
        .isInstanceOf(ApolloException.class)
        .hasMessageContaining("'zero' has duration PT0S; it must be positive");
  }
}
