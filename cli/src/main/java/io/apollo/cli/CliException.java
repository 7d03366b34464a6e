package io.apollo.cli;

import io.apollo.core.ApolloException;

/**
 * The one unchecked exception of the cli module: something the user asked for cannot be done (a git command failed,
 * a product is unknown, the hub did not answer). Its message is printed as it is, so it is written for people: what
 * went wrong, with the file, ref or request it concerns, and what to do next. Exit code 1.
 */
public final class CliException extends ApolloException {
  public CliException(String message) {
    super(message);
  }

  public CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
