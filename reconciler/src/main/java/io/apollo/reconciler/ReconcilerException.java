package io.apollo.reconciler;

import io.apollo.core.ApolloException;

/**
 * The hub's one unchecked exception: wraps what failed (git, the database, a spoke call) with what the hub was
 * doing. It extends core's, so core's contracts ("throws ApolloException when it cannot read") hold for hub code.
 */
public class ReconcilerException extends ApolloException {
  public ReconcilerException(String message) {
    super(message);
  }

  public ReconcilerException(String message, Throwable cause) {
    super(message, cause);
  }
}
