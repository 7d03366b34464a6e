package io.apollo.reconciler.hub;

import static io.apollo.reconciler.hub.HubHarness.PROD_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.testing.GitFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Approval does not open a window (DESIGN.md section 4): a plan approved while production's window is shut waits,
 * and the hub dispatches it when the window opens, by wall clock, without being prodded.
 */
class HubWindowIT {
  @TempDir Path temp;

  @Test
  void anApprovedPlanOutsideItsWindowIsDispatchedWhenTheWindowOpens() throws Exception {
    // The window opens at the start of the first minute at least 30 seconds away (UTC), for ten minutes: time
    // enough to propose and approve the plan while it is shut, even on a busy machine.
    ZonedDateTime opens = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30).truncatedTo(ChronoUnit.MINUTES)
        .plusMinutes(1);
    String cron = opens.getMinute() + " " + opens.getHour() + " * * *";
    try (HubHarness h = HubHarness.start(temp, url -> TestRepo.of(Optional.of(url), Optional.empty(), cron,
        "PT10M"))) {
      h.reportProduction("1.0.0", "2.0.0");
      h.pinProduction(GitFixture.BOB, "1.1.0", "2.0.0");
      JsonNode plan = h.client.awaitOpenPlan("production/web", p -> p.path("git").asString().equals("PROPOSED"));
      String id = plan.path("id").asString();
      assertThat(plan.path("state").asString()).isEqualTo("BLOCKED");
      assertThat(Instant.parse(plan.path("unblocksAt").asString())).isEqualTo(opens.toInstant());

      h.git.mergeNoFf(GitFixture.ALICE, "apollo/plan/" + id);
      JsonNode approvedButShut = HubClient.eventually("the approval to be seen", () -> Optional.of(h.client.plan(id))
          .filter(p -> p.path("approvals").size() == 1));
      assertThat(approvedButShut.path("state").asString()).isEqualTo("BLOCKED");
      assertThat(Instant.now()).as("the test must see the window shut first").isBefore(opens.toInstant());
      assertThat(h.client.getAs("/v1/spokes/prod-spoke/plans", PROD_TOKEN).body().path("plans").size()).isZero();

      HubClient.Answer poll = HubClient.eventually("the plan to be handed out", Duration.ofSeconds(90), () -> {
        HubClient.Answer answer = h.client.getAs("/v1/spokes/prod-spoke/plans?wait=30s", PROD_TOKEN);
        return answer.body().path("plans").size() > 0 ? Optional.of(answer) : Optional.empty();
      });
      assertThat(Instant.now()).isAfterOrEqualTo(opens.toInstant());
      assertThat(poll.body().path("plans").get(0).path("id").asString()).isEqualTo(id);
      assertThat(h.client.plan(id).path("state").asString()).isEqualTo("DISPATCHED");
    }
  }
}
