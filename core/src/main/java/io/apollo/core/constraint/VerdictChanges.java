package io.apollo.core.constraint;

import io.apollo.core.config.Constraint;
import io.apollo.core.config.ConstraintRule.MaintenanceWindow;
import io.apollo.core.config.ConstraintRule.SuppressionWindow;
import io.apollo.core.config.ConstraintRule.Promotion;
import io.apollo.core.report.ReportedState;
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

  /**
   * Whether a promotion bake among {@code constraints} may end after {@code from} and no later than {@code to}: a
   * bake ends a bake time after an entity's health began, so a blocked plan may clear then without any report.
   */
  public static boolean bakeMayEnd(Collection<Constraint> constraints, ReportedState reported, Instant from,
      Instant to) {
    for (Constraint c : constraints) {
      if (c.rule() instanceof Promotion p && PromotionConstraint.bakeEndsBetween(p.bake(), reported, from, to)) {
        return true;
      }
    }
    return false;
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
