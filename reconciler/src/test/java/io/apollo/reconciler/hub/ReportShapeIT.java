package io.apollo.reconciler.hub;

import static io.apollo.reconciler.hub.HubHarness.STAGING_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Issue 17: {@code POST /v1/spokes/{spoke}/reports} takes one report object and nothing else. Every other JSON type
 * where that object belongs (an array, even of one valid report, a string, a number, a boolean, null, the report
 * file's {@code {"reports": [...]}} wrapper) is a {@code 400 {error, message}} and changes nothing the hub keeps.
 */
class ReportShapeIT {
  @TempDir Path temp;

  static Stream<Arguments> shapes() {
    String valid = Reports.of("staging-spoke").running("staging/web", "com.example:web", "2.0.0").json();
    return Stream.of(
        Arguments.of("an array holding one valid report", "[" + valid + "]"),
        Arguments.of("an empty array", "[]"),
        Arguments.of("an array of entity reports", "[{\"entity\":\"staging/web\",\"state\":\"RUNNING\"}]"),
        Arguments.of("an array of numbers", "[1,2]"),
        Arguments.of("a string", "\"" + valid.replace("\"", "\\\"") + "\""),
        Arguments.of("a number", "42"),
        Arguments.of("a negative float", "-0.5e3"),
        Arguments.of("true", "true"),
        Arguments.of("false", "false"),
        Arguments.of("null", "null"),
        Arguments.of("the reports wrapper", "{\"reports\":[" + valid + "]}"));
  }

  @Test
  void everyJsonTypeButOneReportObjectIsRefusedAndChangesNothing() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      assertThat(h.report("staging-spoke", STAGING_TOKEN, Reports.of("staging-spoke")
          .running("staging/web", "com.example:web", "1.0.0"))).isEqualTo(202);
      // What the hub shows once it has taken that report: the state nothing below may change.
      HubClient.eventually("the report to show", () -> h.client.get("/v1/spokes").body().path("spokes").values()
          .stream().filter(sp -> sp.path("name").asString().equals("staging-spoke")
              && sp.path("lastReportAt").isString()).findFirst());
      String before = h.client.get("/v1/reports").body().toString();
      String spokesBefore = h.client.get("/v1/spokes").body().toString();
      for (Arguments shape : shapes().toList()) {
        String name = (String) shape.get()[0];
        HubClient.Answer answer = h.client.report("staging-spoke", STAGING_TOKEN, (String) shape.get()[1]);
        assertThat(answer.status()).as("%s: %s", name, answer.body()).isEqualTo(400);
        assertThat(answer.body().path("error").asString()).as(name).isEqualTo("bad_request");
        assertThat(answer.body().path("message").asString()).as(name).contains("report of spoke staging-spoke")
            .contains("expected one spoke report object");
      }
      assertThat(h.client.get("/v1/reports").body().toString()).as("the stored report").isEqualTo(before);
      assertThat(h.client.get("/v1/spokes").body().toString()).as("the spoke's last report time")
          .isEqualTo(spokesBefore);
      assertThat(h.client.get("/v1/entities/staging/web").body().path("runningVersion").asString())
          .isEqualTo("1.0.0");
    }
  }
}
