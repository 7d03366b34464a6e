package io.apollo.core.version;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * A release channel, ordered from least to most stable. A release on a more stable channel is also eligible for
 * followers of a less stable one: a {@code beta} follower takes the final {@code 1.2.0} as well as {@code 1.2.0-rc1}.
 */
public enum Channel {
  /** Development builds: snapshot versions {@code X.Y.Z-N-gHASH}. */
  DEV("dev"),
  /** Release candidates: {@code X.Y.Z-rcN}. */
  BETA("beta"),
  /** Production releases: plain {@code X.Y.Z}; only RELEASE versions may join it. */
  STABLE("stable");

  private final String wireName;

  Channel(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in YAML and JSON ({@code dev}, {@code beta}, {@code stable}). */
  public String wireName() {
    return wireName;
  }

  public static Optional<Channel> fromWireName(String name) {
    return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
  }

  /** True when a release on {@code releaseChannels} may be taken by a follower of this channel. */
  public boolean admitsAny(Collection<Channel> releaseChannels) {
    return releaseChannels.stream().anyMatch(c -> c.ordinal() >= ordinal());
  }

  /** Whether a version of this type may be put on this channel (only RELEASE versions on {@code stable}). */
  public boolean accepts(Version version) {
    return this != STABLE || version.isRelease();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
