package io.apollo.cli.output;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** Parses {@code --output} with an error that lists the choices (exit 2, as every usage error). */
public final class OutputFormats {
  private OutputFormats() {}

  public static OutputFormat parse(CommandLine.Model.CommandSpec spec, String text) {
    return parse(spec, text, OutputFormat.TABLE, OutputFormat.JSON);
  }

  /** Parses {@code text} as one of {@code allowed}. */
  public static OutputFormat parse(CommandLine.Model.CommandSpec spec, String text, OutputFormat... allowed) {
    List<OutputFormat> choices = Arrays.asList(allowed);
    try {
      OutputFormat format = OutputFormat.valueOf(text.toUpperCase(Locale.ROOT));
      if (choices.contains(format)) {
        return format;
      }
    } catch (IllegalArgumentException e) {
      // reported below with the choices
    }
    throw new CommandLine.ParameterException(spec.commandLine(), "--output: '" + text + "' is not a format; use "
        + choices.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" or ")));
  }
}
