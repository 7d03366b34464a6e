package io.apollo.core.constraint;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.apollo.core.ApolloException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The instants at which a UNIX cron starts a window in a time zone, with one rule for each daylight-saving edge:
 *
 * <ul>
 *   <li>a wall-clock time that does not exist (the spring-forward gap) starts its window the same distance after the
 *       gap, as {@link ZonedDateTime#ofLocal} resolves it: a daily 01:30 in Europe/London opens at 02:30 BST on the
 *       last Sunday of March, it is not skipped;
 *   <li>a wall-clock time that happens twice (the fall-back overlap) starts a window once, at its first occurrence,
 *       as cron runs a fixed-time job once: the window is never silently lengthened by the repeated hour.
 * </ul>
 *
 * cron-utils does the calendar arithmetic. It skips gap times and is inconsistent about overlap repeats, so both are
 * corrected here. Parsing is the costly part: build one per constraint and reuse it.
 */
public final class WindowStarts {
  private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  /** Longer than any offset change a zone has ever made (Samoa skipped a whole day in 2011). */
  private static final Duration LONGEST_GAP = Duration.ofDays(2);
  /** How far ahead a gap may still hold the next start when cron-utils finds none at all. */
  private static final Duration HORIZON = Duration.ofDays(366 * 4);

  private final ExecutionTime cron;
  private final ZoneId zone;
  private final ZoneRules rules;

  private WindowStarts(ExecutionTime cron, ZoneId zone) {
    this.cron = cron;
    this.zone = zone;
    this.rules = zone.getRules();
  }

  /** Parses a 5-field UNIX cron; throws {@link ApolloException} naming the expression when it is not one. */
  public static WindowStarts parse(String expression, ZoneId zone) {
    try {
      return new WindowStarts(ExecutionTime.forCron(UNIX.parse(expression)), zone);
    } catch (IllegalArgumentException e) {
      throw new ApolloException(
          "'" + expression + "' is not a UNIX cron expression (minute hour day-of-month month day-of-week): "
              + e.getMessage(),
          e);
    }
  }

  /** The latest start {@code s} with {@code after < s <= atOrBefore}, if any. */
  public Optional<Instant> latestIn(Instant after, Instant atOrBefore) {
    // Fires fall on whole minutes, so the latest fire <= atOrBefore is the last one strictly before the next minute.
    ZonedDateTime nextMinute = atOrBefore.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    Optional<ZonedDateTime> fire = cron.lastExecution(nextMinute);
    while (fire.isPresent() && isRepeat(fire.get()) && fire.get().toInstant().isAfter(after)) {
      fire = cron.lastExecution(fire.get());
    }
    Instant best = fire.map(ZonedDateTime::toInstant).filter(s -> s.isAfter(after)).orElse(null);
    for (ZoneOffsetTransition gap : gapsBetween(after.minus(LONGEST_GAP), atOrBefore)) {
      for (Instant s : shiftedStarts(gap)) {
        if (s.isAfter(after) && !s.isAfter(atOrBefore) && (best == null || s.isAfter(best))) {
          best = s;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The first start strictly after {@code instant}, if the cron ever fires again. */
  public Optional<Instant> firstAfter(Instant instant) {
    Optional<ZonedDateTime> fire = cron.nextExecution(instant.atZone(zone));
    while (fire.isPresent() && isRepeat(fire.get())) {
      fire = cron.nextExecution(fire.get());
    }
    Instant best = fire.map(ZonedDateTime::toInstant).orElse(null);
    Instant until = best != null ? best : instant.plus(HORIZON);
    for (ZoneOffsetTransition gap : gapsBetween(instant.minus(LONGEST_GAP), until)) {
      for (Instant s : shiftedStarts(gap)) {
        if (s.isAfter(instant) && (best == null || s.isBefore(best))) {
          best = s;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** True for the second occurrence of an overlap wall-clock time (01:30 GMT after 01:30 BST). */
  private static boolean isRepeat(ZonedDateTime fire) {
    return fire.withEarlierOffsetAtOverlap().toInstant().isBefore(fire.toInstant());
  }

  /** Spring-forward transitions with {@code from <= transition <= to}, in order. */
  private List<ZoneOffsetTransition> gapsBetween(Instant from, Instant to) {
    List<ZoneOffsetTransition> gaps = new ArrayList<>();
    if (rules.isFixedOffset()) {
      return gaps;
    }
    ZoneOffsetTransition t = rules.nextTransition(from.minusNanos(1));
    while (t != null && !t.getInstant().isAfter(to)) {
      if (t.isGap()) {
        gaps.add(t);
      }
      t = rules.nextTransition(t.getInstant());
    }
    return gaps;
  }

  /** The cron's wall-clock fires inside a gap, each moved forward by the gap's length. */
  private List<Instant> shiftedStarts(ZoneOffsetTransition gap) {
    // The gap's wall-clock times are matched in a zone without transitions, where every one of them exists.
    LocalDateTime from = gap.getDateTimeBefore();
    LocalDateTime to = gap.getDateTimeAfter();
    List<Instant> starts = new ArrayList<>();
    Optional<ZonedDateTime> fire = cron.nextExecution(from.atZone(ZoneOffset.UTC).minusMinutes(1));
    while (fire.isPresent() && fire.get().toLocalDateTime().isBefore(to)) {
      starts.add(gap.getInstant().plus(Duration.between(from, fire.get().toLocalDateTime())));
      fire = cron.nextExecution(fire.get());
    }
    return starts;
  }
}
