package io.apollo.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code apollo} command's entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; used by tests to run commands in-process. */
  public static int run(String... args) {
    // Only the subcommand the arguments name is built: a one-shot command's start is part of what it costs.
    CommandLine cli = ApolloCommand.commandLineFor(
        args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    try {
      return cli.execute(args);
    } finally {
      // Commands may print() without a newline; nothing may be lost to System.exit.
      cli.getOut().flush();
      cli.getErr().flush();
    }
  }
}
