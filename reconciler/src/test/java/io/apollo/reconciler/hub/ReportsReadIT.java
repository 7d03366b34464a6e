package io.apollo.reconciler.hub;

import static io.apollo.reconciler.hub.HubHarness.PROD_TOKEN;
import static io.apollo.reconciler.hub.HubHarness.STAGING_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v1/reports}: the latest report of each spoke as it sent it, what {@code apollo diff} plans against
 * (docs/hub.md). A later report replaces the earlier one; a spoke that never reported is absent.
 */
class ReportsReadIT {
  @TempDir Path temp;

  @Test
  void theLatestReportOfEachSpokeThatReportedIsServedAsSent() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      assertThat(h.client.get("/v1/reports").body().path("reports").size())
          .as("nothing reported yet").isZero();
      assertThat(h.report("prod-spoke", PROD_TOKEN, Reports.of("prod-spoke")
          .running("production/web", "com.example:web", "1.0.0"))).isEqualTo(202);
      assertThat(h.report("prod-spoke", PROD_TOKEN, Reports.of("prod-spoke")
          .entity("production/web", "com.example:web", "1.1.0", "FAILED", "UNHEALTHY", "pl-00000000000000aa",
              "FAILED", "1.0.0"))).isEqualTo(202);

      JsonNode reports = HubClient.eventually("prod-spoke's report", () -> Optional.of(
          h.client.get("/v1/reports").body().path("reports")).filter(r -> r.size() > 0));
      assertThat(reports.values().stream().map(r -> r.path("spoke").asString()).toList())
          .as("staging-spoke never reported").isEqualTo(List.of("prod-spoke"));
      JsonNode web = reports.get(0).path("entities").get(0);
      assertThat(web.path("entity").asString()).isEqualTo("production/web");
      assertThat(web.path("version").asString()).as("the later report replaces the earlier").isEqualTo("1.1.0");
      assertThat(web.path("lastPlanOutcome").asString()).isEqualTo("FAILED");
      assertThat(web.path("lastHealthyVersion").asString()).isEqualTo("1.0.0");

      assertThat(h.report("staging-spoke", STAGING_TOKEN, Reports.of("staging-spoke"))).isEqualTo(202);
      JsonNode both = HubClient.eventually("both reports", () -> Optional.of(
          h.client.get("/v1/reports").body().path("reports")).filter(r -> r.size() == 2));
      assertThat(both.get(1).path("spoke").asString()).isEqualTo("staging-spoke");
      assertThat(both.get(1).path("entities").size()).as("an empty report is a real answer").isZero();
    }
  }
}
