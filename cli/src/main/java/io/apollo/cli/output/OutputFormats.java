package io.apollo.cli.output;

import java.util.Locale;
import picocli.CommandLine;

/** Parses {@code --output} with an error that lists the choices (exit 2, as every usage error). */
public final class OutputFormats {
  private OutputFormats() {}

  public static OutputFormat parse(CommandLine.Model.CommandSpec spec, String text) {
    try {
      return OutputFormat.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--output: '" + text + "' is not a format; use table or json");
    }
  }
}
