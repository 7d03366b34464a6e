package io.apollo.spoke.options;

import io.apollo.spoke.SpokeException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them on a command line: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or
 * ISO-8601 {@code PT10S}.
 */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  /** Parses {@code text}; throws {@link SpokeException} naming {@code option} and the accepted forms. */
  public static Duration parse(String option, String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
    try {
      return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException | NullPointerException e) {
      throw new SpokeException(option + ": '" + text + "' is not a duration; write it as 500ms, 10s, 2m, 1h or PT10S");
    }
  }

  /** The short form {@link #parse} reads back, for messages and for the flags' defaults. */
  public static String format(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + "ms";
    }
    return d.toSeconds() + "s";
  }
}
