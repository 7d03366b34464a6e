package io.apollo.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpellingTest {
  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("same", "channel", "channel", 0),
        Arguments.of("one letter swapped for another", "chanel", "channel", 1),
        Arguments.of("transposed letters cost two", "chnanel", "channel", 2),
        Arguments.of("from nothing", "", "spoke", 5),
        Arguments.of("to nothing", "spoke", "", 5),
        Arguments.of("environment ids", "prodution/catalog", "production/catalog", 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void countsTheEditsBetweenTwoNames(String name, String a, String b, int distance) {
    assertThat(Spelling.distance(a, b)).isEqualTo(distance);
    assertThat(Spelling.distance(b, a)).isEqualTo(distance);
  }
}
