package io.apollo.spoke.operator;

import io.apollo.core.version.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * How a plan ended on this host. {@code running} is the version that runs afterwards (empty when none does:
 * after an uninstall, or a failed install); {@code reason} is a stable machine code ({@code checksum_mismatch},
 * {@code health_check_failed}, ...), {@code message} the words for a person.
 */
public record OperatorResult(boolean succeeded, Optional<Version> running, String reason, String message) {
  public OperatorResult {
    Objects.requireNonNull(running, "running");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  public static OperatorResult succeeded(Optional<Version> running, String message) {
    return new OperatorResult(true, running, "succeeded", message);
  }

  public static OperatorResult failed(Optional<Version> running, String reason, String message) {
    return new OperatorResult(false, running, reason, message);
  }
}
