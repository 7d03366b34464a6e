package io.apollo.core.constraint;

import io.apollo.core.ApolloException;
import io.apollo.core.config.ConstraintRule.MaintenanceWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A maintenance window: plans may run only while one is open. A window opens at each start of its cron (in its
 * zone, see {@link WindowStarts} for the daylight-saving rules) and stays open for its duration of elapsed time, so
 * it is open at {@code now} iff some start {@code s} has {@code s <= now < s + duration}: a window may have opened
 * on an earlier day, and windows longer than the gap between starts overlap. When closed, the verdict unblocks at
 * the next start after {@code now}.
 *
 * <p>The cron is parsed once, in the constructor; an instance may be reused for any number of instants.
 */
final class MaintenanceWindowConstraint {
  private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  private final String name;
  private final MaintenanceWindow window;
  private final WindowStarts starts;

  /** Throws {@link ApolloException} when the cron is not a UNIX cron or the duration is not positive. */
  MaintenanceWindowConstraint(String name, MaintenanceWindow window) {
    this.name = Objects.requireNonNull(name, "name");
    this.window = Objects.requireNonNull(window, "window");
    if (window.duration().isNegative() || window.duration().isZero()) {
      throw new ApolloException(
          "maintenance window '" + name + "' has duration " + window.duration() + "; it must be positive");
    }
    this.starts = WindowStarts.parse(window.cron(), window.timeZone());
  }

  Verdict evaluate(Instant now) {
    Optional<Instant> openedAt = starts.latestIn(now.minus(window.duration()), now);
    if (openedAt.isPresent()) {
      Instant closes = openedAt.get().plus(window.duration());
      return Verdict.satisfied(
          name,
          ConstraintKind.MAINTENANCE_WINDOW,
          "inside maintenance window " + describe() + "; open until " + show(closes, window.timeZone()));
    }
    Optional<Instant> opens = starts.firstAfter(now);
    String next = opens.map(at -> "next opens " + show(at, window.timeZone())).orElse("its cron never fires again");
    return Verdict.violated(
        name, ConstraintKind.MAINTENANCE_WINDOW, "outside maintenance window " + describe() + "; " + next, opens);
  }

  /** {@code 'prod-saturday-night' (0 2 * * 6 for PT4H, Europe/London)}. */
  private String describe() {
    return "'" + name + "' (" + window.cron() + " for " + window.duration() + ", " + window.timeZone().getId() + ")";
  }

  /**
   * An instant for people: the wall clock in the window's zone, then UTC, e.g. {@code Sat 2026-12-05 02:00 GMT
   * (2026-12-05T02:00:00Z)}. The zone's short name tells BST from GMT, which matters on daylight-saving days.
   */
  static String show(Instant instant, ZoneId zone) {
    var local = instant.atZone(zone);
    String zoneName;
    if (zone instanceof ZoneOffset offset) {
      zoneName = offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
    } else {
      zoneName = ZONE_NAME.format(local);
    }
    return WALL_CLOCK.format(local) + " " + zoneName + " (" + instant + ")";
  }
}
