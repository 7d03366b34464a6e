package io.apollo.core.plan;

import io.apollo.core.version.Version;
import java.util.Objects;

/** A release a channel follower passed over while choosing its target, and why. */
public record SkippedRelease(Version version, SkipReason reason, String message) {
  public SkippedRelease {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
