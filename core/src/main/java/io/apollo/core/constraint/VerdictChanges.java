package io.apollo.core.constraint;

import io.apollo.core.config.Constraint;
import io.apollo.core.config.ConstraintRule.MaintenanceWindow;
import io.apollo.core.config.ConstraintRule.SuppressionWindow;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * When the next verdict of a time-bound constraint changes after {@code now}: a maintenance window opening or
 * closing, a freeze starting or ending. A long-running planner sleeps until then instead of re-planning every
 * second. Dependencies change with reports, not time, and are not considered. Pure.
 */
public final class VerdictChanges {
  private VerdictChanges() {}

  /** The earliest instant after {@code now} at which some window or freeze among {@code constraints} turns. */
  public static Optional<Instant> next(Collection<Constraint> constraints, Instant now) {
    Instant earliest = null;
    for (Constraint c : constraints) {
      Optional<Instant> turn = switch (c.rule()) {
        case MaintenanceWindow w -> maintenance(w, now);
        case SuppressionWindow s -> now.isBefore(s.start()) ? Optional.of(s.start())
            : now.isBefore(s.end()) ? Optional.of(s.end()) : Optional.empty();
        default -> Optional.empty();
      };
      if (turn.isPresent() && (earliest == null || turn.get().isBefore(earliest))) {
        earliest = turn.get();
      }
    }
    return Optional.ofNullable(earliest);
  }

  private static Optional<Instant> maintenance(MaintenanceWindow window, Instant now) {
    if (window.duration().isNegative() || window.duration().isZero()) {
      return Optional.empty();
    }
    WindowStarts starts = WindowStarts.parse(window.cron(), window.timeZone());
    Optional<Instant> opens = starts.firstAfter(now);
    // Open now: it closes at the end of the latest opening (windows may overlap), unless it reopens first.
    Optional<Instant> closes = starts.latestIn(now.minus(window.duration()), now).map(s -> s.plus(window.duration()));
    if (closes.isPresent() && opens.isPresent() && opens.get().isBefore(closes.get())) {
      return opens;
    }
    return closes.isPresent() ? closes : opens;
  }
}
