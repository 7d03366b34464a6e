package io.apollo.core;

/**
 * The one unchecked base exception of {@code core}. Thrown for programming errors and for input that a caller
 * promised was valid; problems in user-written configuration are never thrown but collected as
 * {@link io.apollo.core.load.Problem}s so that every one of them can be reported.
 */
public class ApolloException extends RuntimeException {
  public ApolloException(String message) {
    super(message);
  }

  public ApolloException(String message, Throwable cause) {
    super(message, cause);
  }
}
