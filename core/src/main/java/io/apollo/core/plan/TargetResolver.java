package io.apollo.core.plan;

import io.apollo.core.config.Entity;
import io.apollo.core.config.Presence;
import io.apollo.core.config.Release;
import io.apollo.core.report.EntityReport;
import io.apollo.core.version.Channel;
import io.apollo.core.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides which version an entity should run, and why: the pin, or for a channel follower the newest eligible
 * release (admitted by its channel, not recalled, its non-optional product dependencies met by what the environment
 * runs). Every newer release passed over is recorded with its reason. A follower never goes below the version it
 * runs unless that version's release is recalled or held in its environment; a recalled release is never a target,
 * nor a held one where it is held. Windows, freezes and health
 * play no part here: they block plans, they do not move targets.
 */
final class TargetResolver {
  /** A target and the releases passed over on the way to it (newest first). */
  record Resolution(Target target, List<SkippedRelease> skipped) {
    Resolution {
      skipped = List.copyOf(skipped);
    }
  }

  private final ReleaseIndex desired;
  private final RunningVersions running;

  TargetResolver(ReleaseIndex desired, RunningVersions running) {
    this.desired = desired;
    this.running = running;
  }

  Resolution resolve(Entity entity, Optional<EntityReport> report) {
    if (entity.state() == Presence.ABSENT) {
      return new Resolution(Target.none(TargetReason.ABSENT, "state: absent"), List.of());
    }
    if (entity.isPinned()) {
      return new Resolution(pinned(entity), List.of());
    }
    return follow(entity, report.flatMap(EntityReport::version));
  }

  /**
   * Where an automatic rollback goes from a failure: the last version that ran healthy, unless its release is
   * recalled (or unknown); then the newest eligible release older than it. Empty when there is none.
   */
  Optional<Release> rollbackRelease(Entity entity, Version lastHealthy) {
    Optional<Release> known = desired.release(entity.product(), lastHealthy);
    if (known.isPresent() && !known.get().isRecalled() && desired.hold(known.get(), entity.environment()).isEmpty()) {
      return known;
    }
    return desired.releasesOf(entity.product()).stream()
        .filter(r -> r.version().isOlderThan(lastHealthy))
        .filter(r -> judge(r, entity.channel(), entity.environment()).isEmpty())
        .findFirst();
  }

  private Target pinned(Entity entity) {
    Version pin = entity.version().orElseThrow();
    Optional<Release> release = desired.release(entity.product(), pin);
    if (release.isEmpty()) {
      return Target.none(
          TargetReason.PIN_UNKNOWN, "pinned to " + pin + ", which is not a release of " + entity.product());
    }
    if (release.get().isRecalled()) {
      return Target.none(
          TargetReason.PIN_RECALLED,
          "pinned to " + pin + ", which is recalled (" + release.get().recalled().get().reason()
              + "); a recalled release is never a target: pin another version");
    }
    Optional<io.apollo.core.config.ReleaseHold> hold = desired.hold(release.get(), entity.environment());
    if (hold.isPresent()) {
      return Target.none(TargetReason.PIN_HELD, "pinned to " + pin + ", which is held in " + entity.environment()
          + " (" + hold.get().reason() + "); lift the hold (apollo release unhold) or pin another version");
    }
    return Target.of(release.get(), TargetReason.PINNED, "pinned");
  }

  private Resolution follow(Entity entity, Optional<Version> runs) {
    Channel channel = entity.channel().orElseThrow();
    List<SkippedRelease> skipped = new ArrayList<>();
    Release chosen = null;
    for (Release release : desired.releasesOf(entity.product())) {
      Optional<SkippedRelease> skip = judge(release, entity.channel(), entity.environment());
      if (skip.isEmpty()) {
        chosen = release;
        break;
      }
      skipped.add(skip.get());
    }
    Optional<Release> runningRelease = runs.flatMap(v -> desired.release(entity.product(), v));
    // A follower rolls off a release that is held in its environment as off a recalled one.
    Optional<String> recall = runningRelease.flatMap(Release::recalled).map(r -> r.reason())
        .or(() -> runningRelease.flatMap(r -> desired.hold(r, entity.environment()))
            .map(h -> "held in " + entity.environment() + ": " + h.reason()));
    String onChannel = "on channel " + channel;

    if (chosen == null) {
      if (runs.isPresent() && recall.isEmpty()) {
        return new Resolution(
            Target.keep(runs.get(), runningRelease,
                "kept: no release " + onChannel + " is eligible, and a follower never goes below what it runs"),
            skipped);
      }
      String moving = recall.map(r -> "; it runs " + runs.get() + ", which is recalled (" + r + ")").orElse("");
      return new Resolution(
          Target.none(TargetReason.NO_ELIGIBLE_RELEASE,
              "no release of " + entity.product() + " " + onChannel + " is eligible" + moving),
          skipped);
    }
    if (runs.isPresent()) {
      Version current = runs.get();
      int order = chosen.version().compareTo(current);
      if (recall.isPresent() && order > 0) {
        return new Resolution(
            Target.of(chosen, TargetReason.ROLL_FORWARD_FROM_RECALLED,
                "runs " + current + ", which is recalled (" + recall.get() + "); newest eligible release " + onChannel),
            skipped);
      }
      if (recall.isPresent() && order < 0) {
        return new Resolution(
            Target.of(chosen, TargetReason.ROLL_BACK_FROM_RECALLED,
                "runs " + current + ", which is recalled (" + recall.get() + "), and no newer release " + onChannel
                    + " is eligible: newest older eligible release"),
            skipped);
      }
      if (recall.isEmpty() && order < 0) {
        skipped.add(
            new SkippedRelease(chosen.version(), SkipReason.BELOW_RUNNING,
                chosen.version() + " is older than the running " + current
                    + "; a follower never goes below what it runs unless that is recalled"));
        return new Resolution(
            Target.keep(current, runningRelease,
                "kept: newer than the newest eligible release " + onChannel + " (" + chosen.version() + ")"),
            skipped);
      }
    }
    return new Resolution(
        Target.of(chosen, TargetReason.NEWEST_ON_CHANNEL, "newest eligible release " + onChannel), skipped);
  }

  /** Why {@code release} is not eligible for a follower of {@code channel} (any release when empty), if it is not. */
  private Optional<SkippedRelease> judge(Release release, Optional<Channel> channel, String environment) {
    Version version = release.version();
    if (channel.isPresent() && !channel.get().admitsAny(release.channels())) {
      String on = release.sortedChannels().stream().map(Channel::wireName).collect(Collectors.joining(", "));
      return Optional.of(
          new SkippedRelease(version, SkipReason.NOT_ON_CHANNEL,
              version + " is on " + on + ", which a " + channel.get() + " follower does not take"));
    }
    if (release.isRecalled()) {
      return Optional.of(
          new SkippedRelease(version, SkipReason.RECALLED,
              version + " is recalled: " + release.recalled().get().reason()));
    }
    Optional<io.apollo.core.config.ReleaseHold> hold = desired.hold(release, environment);
    if (hold.isPresent()) {
      return Optional.of(
          new SkippedRelease(version, SkipReason.HELD, version + " is held in " + environment + " ("
              + hold.get().reason() + "); lift it with apollo release unhold, or delete "
              + hold.get().origin().path()));
    }
    List<String> unmet = running.unmetDependencies(release, environment);
    if (!unmet.isEmpty()) {
      return Optional.of(
          new SkippedRelease(version, SkipReason.DEPENDENCY_UNMET, version + " " + String.join("; ", unmet)));
    }
    return Optional.empty();
  }
}
