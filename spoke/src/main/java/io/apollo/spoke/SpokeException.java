package io.apollo.spoke;

/**
 * The one unchecked exception of the spoke module: a failure of the agent itself (its journal, its options, its
 * HTTP server), always with the context a person needs to act on it. A plan that fails is not an exception: it is a
 * failed {@link io.apollo.spoke.operator.OperatorResult}.
 */
public class SpokeException extends RuntimeException {
  public SpokeException(String message) {
    super(message);
  }

  public SpokeException(String message, Throwable cause) {
    super(message, cause);
  }
}
