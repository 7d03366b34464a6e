package io.apollo.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.palantir.sls.versions.SlsVersionMatcher;
import io.apollo.core.ApolloException;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Matcher vectors from sls-version-java, and the sign convention of {@link VersionMatcher#compareTo}. */
class VersionMatcherTest {

  static Stream<Arguments> vectors() {
    return Vectors.rows("matchers.csv", 5).stream()
        .map(r -> Arguments.of(r[0], r[1], r[2], Boolean.parseBoolean(r[3]), r[4]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void matches_only_release_versions_the_matcher_spells(
      String name, String matcher, String version, boolean matches, String position) {
    assertThat(VersionMatcher.parse(matcher).matches(Version.parse(version))).isEqualTo(matches);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void compareTo_answers_from_the_version_side(
      String name, String matcher, String version, boolean matches, String position) {
    int expected =
        switch (position) {
          case "below" -> -1;
          case "within" -> 0;
          case "above" -> 1;
          default -> throw new IllegalStateException("unknown position in matchers.csv: " + position);
        };

    assertThat(VersionMatcher.parse(matcher).compareTo(Version.parse(version))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void compareTo_is_the_flip_of_sls_version_java(
      String name, String matcher, String version, boolean matches, String position) {
    VersionMatcher m = VersionMatcher.parse(matcher);
    Version v = Version.parse(version);

    assertThat(m.compareTo(v)).isEqualTo(-Integer.signum(m.sls().compare(v.sls())));
  }

  static Stream<Arguments> invalid() {
    return Vectors.rows("invalid-matchers.csv", 2).stream().map(r -> Arguments.of(r[0], r[1]));
  }

  @ParameterizedTest(name = "{0}: ''{1}''")
  @MethodSource("invalid")
  void invalid_matchers_are_refused(String name, String text) {
    assertThat(VersionMatcher.tryParse(text)).isEmpty();
    assertThatThrownBy(() -> VersionMatcher.parse(text))
        .isInstanceOf(ApolloException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"x.x.x", "0.x.x", "1.x.x", "1.2.x", "1.2.3", "0.0.0", "10.20.x", "2147483647.x.x"})
  void valid_matchers_keep_their_text(String text) {
    assertThat(VersionMatcher.parse(text)).hasToString(text);
    assertThat(VersionMatcher.tryParse(text)).contains(VersionMatcher.parse(text));
  }

  @Test
  void null_is_not_a_matcher() {
    assertThat(VersionMatcher.tryParse(null)).isEmpty();
  }

  @Test
  void a_matcher_spelled_with_leading_zeros_cannot_be_wrapped() {
    // built, not parsed: sls-version-java interns parsed matchers, and an interned 01.x.x would stand in for 1.x.x
    SlsVersionMatcher spelledWithZero =
        new SlsVersionMatcher.Builder()
            .value("01.x.x")
            .majorVersionNumber(OptionalInt.of(1))
            .minorVersionNumber(OptionalInt.empty())
            .patchVersionNumber(OptionalInt.empty())
            .build();

    assertThatThrownBy(() -> new VersionMatcher(spelledWithZero))
        .isInstanceOf(ApolloException.class)
        .hasMessageContaining("leading zeros");
  }
}
