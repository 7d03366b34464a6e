package io.apollo.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.palantir.sls.versions.OrderableSlsVersion;
import com.palantir.sls.versions.SlsVersionType;
import io.apollo.core.ApolloException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What Apollo accepts as an orderable version, and what it refuses with which message. */
class VersionParseTest {

  static Stream<Arguments> types() {
    return Stream.of(
        Arguments.of("release", "1.2.3", SlsVersionType.RELEASE, true, false),
        Arguments.of("the lowest release", "0.0.0", SlsVersionType.RELEASE, true, false),
        Arguments.of("int32 maxima", "2147483647.2147483647.2147483647", SlsVersionType.RELEASE, true, false),
        Arguments.of("release candidate", "1.2.3-rc1", SlsVersionType.RELEASE_CANDIDATE, false, false),
        Arguments.of("release candidate zero", "1.2.3-rc0", SlsVersionType.RELEASE_CANDIDATE, false, false),
        Arguments.of("release snapshot", "1.2.3-4-gabc", SlsVersionType.RELEASE_SNAPSHOT, false, true),
        Arguments.of("release snapshot of zero commits", "1.2.3-0-g0", SlsVersionType.RELEASE_SNAPSHOT, false, true),
        Arguments.of(
            "rc snapshot", "1.2.3-rc2-1-gabc", SlsVersionType.RELEASE_CANDIDATE_SNAPSHOT, false, true));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("types")
  void orderable_versions_parse_to_their_type(
      String name, String text, SlsVersionType type, boolean release, boolean snapshot) {
    Version version = Version.parse(text);

    assertThat(version.type()).isEqualTo(type);
    assertThat(version.isRelease()).isEqualTo(release);
    assertThat(version.isSnapshot()).isEqualTo(snapshot);
    assertThat(version).hasToString(text);
    assertThat(Version.tryParse(text)).contains(version);
  }

  static Stream<Arguments> invalid() {
    return Vectors.rows("invalid-versions.csv", 3).stream().map(r -> Arguments.of(r[0], r[1], r[2]));
  }

  @ParameterizedTest(name = "{0}: ''{1}''")
  @MethodSource("invalid")
  void invalid_versions_are_refused(String name, String text, String why) {
    assertThat(Version.tryParse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: ''{1}''")
  @MethodSource("invalid")
  void parse_names_the_text_and_the_rule_it_breaks(String name, String text, String why) {
    String expected =
        switch (why) {
          case "leading-zero" -> "numbers must not have leading zeros";
          case "format", "overflow" -> "expected X.Y.Z, X.Y.Z-rcN, X.Y.Z-N-gHASH or X.Y.Z-rcN-N-gHASH";
          default -> throw new IllegalStateException("unknown reason in invalid-versions.csv: " + why);
        };

    assertThatThrownBy(() -> Version.parse(text))
        .isInstanceOf(ApolloException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining(expected);
  }

  @Test
  void leading_zeros_that_sls_version_java_reads_are_still_refused() {
    // the library reads 01.0.0 as 1.0.0; Apollo refuses it so that each version has one spelling
    assertThat(OrderableSlsVersion.safeValueOf("01.0.0")).isPresent();

    assertThat(Version.tryParse("01.0.0")).isEmpty();
    assertThatThrownBy(() -> new Version(OrderableSlsVersion.valueOf("1.0.01")))
        .isInstanceOf(ApolloException.class)
        .hasMessageContaining("leading zeros");
  }

  @Test
  void null_is_not_a_version() {
    assertThat(Version.tryParse(null)).isEmpty();
    assertThatThrownBy(() -> Version.parse(null)).isInstanceOf(ApolloException.class);
  }
}
