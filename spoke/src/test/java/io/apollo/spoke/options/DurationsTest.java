package io.apollo.spoke.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.spoke.SpokeException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({"500ms,500", "10s,10000", "2m,120000", "1h,3600000", "PT10S,10000", "pt1m,60000", " 3s ,3000"})
  void readsTheShortAndTheIsoForms(String text, long millis) {
    assertThat(Durations.parse("--x", text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @CsvSource({"ten seconds", "10", "-5s", "5d"})
  void refusesOtherTextNamingTheOption(String text) {
    assertThatThrownBy(() -> Durations.parse("--report-interval", text))
        .isInstanceOf(SpokeException.class)
        .hasMessageContaining("--report-interval")
        .hasMessageContaining("10s");
  }

  @ParameterizedTest
  @CsvSource({"500,500ms", "10000,10s"})
  void formatsWhatItReads(long millis, String text) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
    assertThat(Durations.parse("--x", text)).isEqualTo(Duration.ofMillis(millis));
  }
}
