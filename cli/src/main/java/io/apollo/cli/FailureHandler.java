package io.apollo.cli;

import io.apollo.core.ApolloException;
import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one line on stderr and exit code 1. Apollo's own exceptions carry a
 * message written for people; anything else is a bug, so its type is shown too.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    String message = e instanceof ApolloException || e instanceof java.io.UncheckedIOException
        ? e.getMessage()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
    cli.getErr().println("apollo: " + message);
    return ApolloCommand.EXIT_INVALID;
  }
}
