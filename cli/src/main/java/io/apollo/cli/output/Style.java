package io.apollo.cli.output;

import java.util.Locale;

/**
 * States in words, coloured when a person reads them on a terminal; never coloured when the output is piped or
 * {@code NO_COLOR} is set (no-color.org), so what tools read is plain text.
 */
public final class Style {
  private static final String RESET = "\u001B[0m";

  private Style() {}

  /** True when stdout is a terminal and colour is not turned off. */
  public static boolean onTerminal() {
    return System.console() != null && System.console().isTerminal();
  }

  static boolean colour() {
    String noColor = System.getenv("NO_COLOR");
    return onTerminal() && (noColor == null || noColor.isEmpty());
  }

  /** The state's word, in the colour of its meaning when colour is on: green done, yellow waiting, red wrong. */
  public static String state(String word) {
    if (!colour()) {
      return word;
    }
    String code = switch (word.toUpperCase(Locale.ROOT)) {
      case "RUNNING", "SUCCEEDED", "APPROVED", "VALID", "HEALTHY" -> "32";
      case "PENDING", "INSTALLING", "DISPATCHED", "AWAITING", "DEGRADED", "UNKNOWN" -> "33";
      case "BLOCKED", "FAILED", "INVALID", "RECALLED", "UNHEALTHY" -> "31";
      default -> "";
    };
    return code.isEmpty() ? word : "\u001B[" + code + "m" + word + RESET;
  }
}
