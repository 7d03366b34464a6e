package io.apollo.spoke.operator.helm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one command to its end: the seam between the helm operator and processes, so tests can stand in for helm.
 * Implementations must stop the command (and what it started) once {@code timeout} has passed, and never throw for
 * a command that fails: that is a {@link Result} with its exit code.
 */
@FunctionalInterface
public interface CommandRunner {

  /** Runs {@code invocation} and waits for it, at most its timeout. */
  Result run(Invocation invocation);

  /** A command line, the environment variables set on top of this process's, and the time it may take. */
  record Invocation(List<String> command, Map<String, String> environment, Duration timeout) {
    public Invocation {
      command = List.copyOf(command);
      environment = Map.copyOf(environment);
      Objects.requireNonNull(timeout, "timeout");
      if (command.isEmpty()) {
        throw new IllegalArgumentException("an invocation needs a command");
      }
    }
  }

  /**
   * How a command ended. {@code timedOut} means it was stopped at its time limit (its exit code then means nothing);
   * {@code startFailure} holds why it could not be started at all (empty when it ran).
   */
  record Result(int exitCode, String stdout, String stderr, boolean timedOut, String startFailure) {
    public Result {
      Objects.requireNonNull(stdout, "stdout");
      Objects.requireNonNull(stderr, "stderr");
      Objects.requireNonNull(startFailure, "startFailure");
    }

    public static Result exited(int exitCode, String stdout, String stderr) {
      return new Result(exitCode, stdout, stderr, false, "");
    }

    public static Result timedOut(String stdout, String stderr) {
      return new Result(-1, stdout, stderr, true, "");
    }

    public static Result notStarted(String why) {
      return new Result(-1, "", "", false, why);
    }

    public boolean succeeded() {
      return !timedOut && startFailure.isEmpty() && exitCode == 0;
    }
  }
}
