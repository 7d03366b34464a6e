package io.apollo.core.plan;

import io.apollo.core.config.Release;
import io.apollo.core.version.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * The version an entity should run, and why; or no version, and why not. {@code release} is the target's release
 * when desired state has one (a follower may keep running a version that no release document names). Windows,
 * freezes and health never change a target: they only block the plan towards it.
 */
public record Target(Optional<Version> version, Optional<Release> release, TargetReason reason, String message) {
  public Target {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    if (version.isPresent() != reason.hasVersion()) {
      throw new IllegalArgumentException(
          "a " + reason + " target " + (reason.hasVersion() ? "needs" : "has no") + " version");
    }
  }

  static Target of(Release release, TargetReason reason, String message) {
    return new Target(Optional.of(release.version()), Optional.of(release), reason, message);
  }

  static Target keep(Version running, Optional<Release> release, String message) {
    return new Target(Optional.of(running), release, TargetReason.KEEPS_RUNNING, message);
  }

  static Target none(TargetReason reason, String message) {
    return new Target(Optional.empty(), Optional.empty(), reason, message);
  }

  public boolean isPresent() {
    return version.isPresent();
  }
}
