package io.apollo.core.load;

import io.apollo.core.config.Origin;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with the config repository, at a position a person can jump to. Printed as
 * {@code path:line:col: message}.
 */
public record Problem(Origin origin, ProblemReason reason, String message) {
  /**
   * By path, then line, then column: the order a person reads a repository in. Then by message and reason, so that
   * only equal problems tie: a load's problems are in one order however they were found (an incremental load finds
   * them in another order than a full one).
   */
  public static final Comparator<Problem> BY_POSITION =
      Comparator.comparing((Problem p) -> p.origin().path())
          .thenComparingInt(p -> p.origin().line())
          .thenComparingInt(p -> p.origin().column())
          .thenComparing(Problem::message)
          .thenComparing(Problem::reason);

  public Problem {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  public static Problem at(Origin origin, ProblemReason reason, String message) {
    return new Problem(origin, reason, message);
  }

  public String path() {
    return origin.path();
  }

  public int line() {
    return origin.line();
  }

  public int column() {
    return origin.column();
  }

  @Override
  public String toString() {
    return origin + ": " + message;
  }
}
