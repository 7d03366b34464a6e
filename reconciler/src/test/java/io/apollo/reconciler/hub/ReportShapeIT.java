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

  /**
   * A report in the form spokes write takes the hub's strict path (the first and a later one of the spoke: the
   * spoke's last report read from the store, then known); one written by hand
   * that means the same (lower-case state, no health, no observedAt, no product: defaults fill them) takes the full
   * path of the schema. Both are stored as the same text, and a value the schema refuses keeps the schema's words.
   */
  @Test
  void theStrictAndTheFullPathStoreTheSameTextAndRefuseInTheSchemasWords() throws Exception {
    String at = "2026-12-08T02:00:00Z";
    String strict = "{\"spoke\":\"staging-spoke\",\"reportedAt\":\"" + at + "\",\"entities\":[{\"entity\":"
        + "\"staging/web\",\"product\":\"com.example:web\",\"version\":\"1.0.0\",\"state\":\"RUNNING\","
        + "\"health\":\"HEALTHY\",\"configDigest\":\"" + TestDigests.PORT_8080 + "\",\"observedAt\":\"" + at
        + "\"}]}";
    String byHand = "{\"spoke\":\"staging-spoke\",\"reportedAt\":\"2026-12-08T02:00:00.000Z\",\"entities\":"
        + "[{\"entity\":\"staging/web\",\"version\":\"1.0.0\",\"state\":\"running\",\"configDigest\":\""
        + TestDigests.PORT_8080 + "\"}]}";
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      HubClient.eventually("the hub to load the repository", () -> java.util.Optional.of(
          h.client.report("staging-spoke", STAGING_TOKEN, strict)).filter(a -> a.status() == 202));
      String stored = h.client.get("/v1/reports").body().toString();
      assertThat(stored).contains("\"observedAt\":\"" + at + "\"");

      assertThat(h.client.report("staging-spoke", STAGING_TOKEN, byHand).status()).isEqualTo(202);
      assertThat(h.client.get("/v1/reports").body().toString()).as("by the full path").isEqualTo(stored);
      // The spoke's last report is known now: judged against memory, not the store.
      assertThat(h.client.report("staging-spoke", STAGING_TOKEN, strict).status()).isEqualTo(202);
      assertThat(h.client.get("/v1/reports").body().toString()).as("again by the strict path").isEqualTo(stored);

      HubClient.Answer refused = h.client.report("staging-spoke", STAGING_TOKEN, strict.replace("RUNNING",
          "BOOTING"));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body().path("message").asString()).isEqualTo("report of spoke staging-spoke: not a spoke"
          + " report (spoke-report.schema.json): /entities/0/state: 'BOOTING' is not one of UNMANAGED, PENDING,"
          + " INSTALLING, RUNNING, DEGRADED, FAILED");
      assertThat(h.client.get("/v1/reports").body().toString()).isEqualTo(stored);
    }
  }
}
