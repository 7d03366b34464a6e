package io.apollo.cli.output;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --output table|json} option every command shares; a bad value is a usage error (exit 2). */
public final class OutputOption {
  @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "FORMAT",
      description = "table (default: for people) or json (for tools).")
  String output;

  public OutputFormat format(CommandLine.Model.CommandSpec spec) {
    return OutputFormats.parse(spec, output);
  }

  /** The format, where a command also offers others (e.g. markdown). */
  public OutputFormat format(CommandLine.Model.CommandSpec spec, OutputFormat... allowed) {
    return OutputFormats.parse(spec, output, allowed);
  }
}
