package io.apollo.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Channel rules: the default channel of each version type, admission to a channel, and what a follower takes. */
class ChannelTest {

  private static final Channel DEV = Channel.DEV;
  private static final Channel BETA = Channel.BETA;
  private static final Channel STABLE = Channel.STABLE;

  static Stream<Arguments> defaults() {
    return Stream.of(
        Arguments.of("release joins stable", "1.2.0", STABLE),
        Arguments.of("release candidate joins beta", "1.2.0-rc1", BETA),
        Arguments.of("release snapshot joins dev", "1.2.0-3-gabc1234", DEV),
        Arguments.of("rc snapshot joins dev", "1.2.0-rc1-3-gabc1234", DEV));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaults")
  void each_version_type_has_a_default_channel(String name, String version, Channel expected) {
    assertThat(Version.parse(version).defaultChannel()).isEqualTo(expected);
  }

  static Stream<Arguments> admission() {
    return Stream.of(
        Arguments.of("release on stable", STABLE, "1.2.0", true),
        Arguments.of("release candidate refused on stable", STABLE, "1.2.0-rc1", false),
        Arguments.of("release snapshot refused on stable", STABLE, "1.2.0-3-gabc1234", false),
        Arguments.of("rc snapshot refused on stable", STABLE, "1.2.0-rc1-3-gabc1234", false),
        Arguments.of("release promoted to beta", BETA, "1.2.0", true),
        Arguments.of("release candidate on beta", BETA, "1.2.0-rc1", true),
        Arguments.of("release snapshot on beta", BETA, "1.2.0-3-gabc1234", true),
        Arguments.of("release on dev", DEV, "1.2.0", true),
        Arguments.of("release candidate on dev", DEV, "1.2.0-rc1", true),
        Arguments.of("release snapshot on dev", DEV, "1.2.0-3-gabc1234", true),
        Arguments.of("rc snapshot on dev", DEV, "1.2.0-rc1-3-gabc1234", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("admission")
  void only_release_versions_may_join_stable(String name, Channel channel, String version, boolean accepted) {
    assertThat(channel.accepts(Version.parse(version))).isEqualTo(accepted);
  }

  static Stream<Arguments> eligibility() {
    return Stream.of(
        Arguments.of("dev follower takes a snapshot on dev", DEV, Set.of(DEV), true),
        Arguments.of("dev follower takes a release candidate on beta", DEV, Set.of(BETA), true),
        Arguments.of("dev follower takes a release on stable", DEV, Set.of(STABLE), true),
        Arguments.of("beta follower takes a release candidate on beta", BETA, Set.of(BETA), true),
        Arguments.of("beta follower takes a release on stable", BETA, Set.of(STABLE), true),
        Arguments.of("beta follower takes a promoted release on beta and stable", BETA, Set.of(BETA, STABLE), true),
        Arguments.of("beta follower skips a snapshot on dev", BETA, Set.of(DEV), false),
        Arguments.of("beta follower takes a release on dev and stable", BETA, Set.of(DEV, STABLE), true),
        Arguments.of("stable follower takes a release on stable", STABLE, Set.of(STABLE), true),
        Arguments.of("stable follower takes a promoted release on beta and stable", STABLE, Set.of(BETA, STABLE), true),
        Arguments.of("stable follower skips a release candidate on beta", STABLE, Set.of(BETA), false),
        Arguments.of("stable follower skips a snapshot on dev", STABLE, Set.of(DEV), false),
        Arguments.of("stable follower skips a build on dev and beta", STABLE, Set.of(DEV, BETA), false),
        Arguments.of("dev follower takes nothing from no channel", DEV, Set.of(), false),
        Arguments.of("stable follower takes nothing from no channel", STABLE, Set.of(), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eligibility")
  void a_follower_takes_releases_on_its_channel_or_a_more_stable_one(
      String name, Channel follower, Set<Channel> releaseChannels, boolean admitted) {
    assertThat(follower.admitsAny(releaseChannels)).isEqualTo(admitted);
  }

  @Test
  void wire_names_round_trip() {
    assertThat(Arrays.stream(Channel.values()).map(Channel::wireName)).containsExactly("dev", "beta", "stable");
    for (Channel channel : Channel.values()) {
      assertThat(Channel.fromWireName(channel.wireName())).contains(channel);
      assertThat(channel).hasToString(channel.wireName());
    }
  }

  @Test
  void unknown_channel_names_are_empty() {
    assertThat(Channel.fromWireName("Stable")).isEmpty();
    assertThat(Channel.fromWireName("STABLE")).isEmpty();
    assertThat(Channel.fromWireName("alpha")).isEmpty();
    assertThat(Channel.fromWireName("")).isEmpty();
    assertThat(Channel.fromWireName(null)).isEmpty();
  }

  @Test
  void channels_are_ordered_least_to_most_stable() {
    assertThat(EnumSet.allOf(Channel.class)).containsExactly(DEV, BETA, STABLE);
  }
}
