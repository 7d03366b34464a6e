package io.apollo.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.core.ApolloException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 17: {@link SpokeReportJson#readOne} takes one report object and names the JSON type of anything else. */
class SpokeReportShapeTest {
  private static final String REPORT = "{\"spoke\":\"s\",\"reportedAt\":\"2026-12-01T10:00:00Z\",\"entities\":[]}";

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("an array of one report", "[" + REPORT + "]", "found an array"),
        Arguments.of("an empty array", "[]", "found an array"),
        Arguments.of("a string", "\"report\"", "found a string"),
        Arguments.of("a number", "7", "found a number"),
        Arguments.of("a boolean", "false", "found a boolean"),
        Arguments.of("null", "null", "found null"),
        Arguments.of("the reports wrapper", "{\"reports\":[" + REPORT + "]}", "{\"reports\": [...]} list"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void anythingButOneReportObjectIsRefusedWithTheTypeFound(String name, String body, String said) {
    assertThatThrownBy(() -> SpokeReportJson.readOne("report of spoke s", body.getBytes(StandardCharsets.UTF_8),
        id -> Optional.empty())).isInstanceOf(ApolloException.class)
        .hasMessageStartingWith("report of spoke s: expected one spoke report object").hasMessageContaining(said);
  }

  @org.junit.jupiter.api.Test
  void reportFilesStillTakeTheirListForms() {
    for (String body : new String[] {"[" + REPORT + "]", "{\"reports\":[" + REPORT + "]}"}) {
      assertThat(SpokeReportJson.read("reported.json", body.getBytes(StandardCharsets.UTF_8))).as(body).hasSize(1);
    }
    assertThat(SpokeReportJson.readOne("report of spoke s", REPORT.getBytes(StandardCharsets.UTF_8),
        id -> Optional.empty()).spoke()).isEqualTo("s");
  }
}
