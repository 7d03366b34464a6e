package io.apollo.spoke.operator;

import io.apollo.core.report.Health;
import io.apollo.core.version.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator finds on the host for one entity: the version installed (empty when none), the digest of the
 * config it runs with, its health from a fresh check, and a message for a person (why it is unhealthy).
 */
public record Observation(Optional<Version> version, Optional<String> configDigest, Health health, String message) {
  public Observation {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(configDigest, "configDigest");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(message, "message");
  }

  public static Observation nothingInstalled() {
    return new Observation(Optional.empty(), Optional.empty(), Health.UNKNOWN, "nothing installed");
  }
}
