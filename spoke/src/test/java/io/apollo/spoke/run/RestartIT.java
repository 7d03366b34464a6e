package io.apollo.spoke.run;

import static io.apollo.spoke.testing.InProcessSpoke.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.PlanType;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.PlanOutcome;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.spoke.testing.Eventually;
import io.apollo.spoke.testing.FileOperator;
import io.apollo.spoke.testing.Http;
import io.apollo.spoke.testing.Plans;
import io.apollo.spoke.testing.SpokeProcess;
import io.apollo.spoke.testing.TestHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spoke process killed with {@code kill -9} in the middle of a plan and started again: the plan is resolved from
 * what is found, reported, and never run again; a plan queued behind it is resolved too, and new plans run.
 */
class RestartIT {
  private static final Duration LIMIT = Duration.ofSeconds(20);
  private static final String SPOKE = "spoke-r";

  @TempDir Path dir;
  private TestHub hub;
  private SpokeProcess spoke;

  @AfterEach
  void stop() throws Exception {
    if (spoke != null) {
      spoke.close();
    }
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void aPlanCutShortByKillMinus9IsResolvedReportedAndNeverRunAgain() throws Exception {
    hub = new TestHub(TOKEN).start();
    Files.writeString(dir.resolve("token"), TOKEN + "\n");
    EntityId entity = EntityId.parse("prod/catalog");
    FileOperator truth = new FileOperator(dir.resolve("work").resolve("fake"));

    spoke = start("first.log");
    push(Plans.plan("r-1", SPOKE, "prod/catalog", PlanType.INSTALL, null, "1.0.0", Map.of()));
    awaitOutcome(entity, "r-1", PlanOutcome.SUCCEEDED);
    PlanMessage slow = Plans.plan("r-2", SPOKE, "prod/catalog", PlanType.UPGRADE, "1.0.0", "2.0.0",
        Map.of("sleepMs", 60_000));
    assertThat(push(slow).status()).isEqualTo(202);
    assertThat(push(Plans.plan("r-3", SPOKE, "prod/catalog", PlanType.CONFIG_UPDATE, "2.0.0", "2.0.0",
        Map.of("x", 1))).status()).isEqualTo(202);
    Eventually.until("r-2 running", LIMIT, () -> Http.get(spoke.url() + "/v1/plans/r-2", TOKEN).body()
        .contains("\"status\":\"RUNNING\""));

    spoke.kill();
    spoke = start("second.log");

    EntityReport resolved = awaitOutcome(entity, "r-3", PlanOutcome.FAILED);
    assertThat(resolved.state()).isEqualTo(EntityState.FAILED);
    assertThat(resolved.version()).as("what really runs").contains(Version.parse("1.0.0"));
    assertThat(resolved.message()).contains("interrupted by a spoke restart").contains("found 1.0.0 running");
    String r2 = Http.get(spoke.url() + "/v1/plans/r-2", TOKEN).body();
    assertThat(r2).contains("\"status\":\"FAILED\"").contains("\"reason\":\"interrupted_by_restart\"")
        .contains("found 1.0.0 running");

    assertThat(spoke.lines().getFirst()).as("the URL comes first").startsWith("apollo spoke: listening on ");
    Eventually.until("the resolved plans printed", LIMIT, () -> spoke.lines().stream().anyMatch(l -> l.equals(
        "apollo spoke: plan r-2 (upgrade prod/catalog to 2.0.0) FAILED: interrupted by a spoke restart; found 1.0.0"
            + " running (healthy)")));

    Http.Answer again = push(slow);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).contains("\"outcome\":\"FAILED\"");
    assertThat(truth.runs()).as("r-2 begun once, r-3 never").containsExactly("r-1", "r-2");

    push(Plans.plan("r-4", SPOKE, "prod/catalog", PlanType.UPGRADE, "1.0.0", "2.0.0", Map.of()));
    EntityReport upgraded = awaitOutcome(entity, "r-4", PlanOutcome.SUCCEEDED);
    assertThat(upgraded.version()).contains(Version.parse("2.0.0"));
    assertThat(upgraded.state()).isEqualTo(EntityState.RUNNING);
    assertThat(hub.errors()).isEmpty();
  }

  private SpokeProcess start(String log) throws Exception {
    return SpokeProcess.start(dir.resolve(log), "--name", SPOKE, "--hub", hub.url(),
        "--token-file", dir.resolve("token").toString(), "--port", "0", "--work-dir", dir.resolve("work").toString(),
        "--report-interval", "300ms", "--health-interval", "200ms");
  }

  private Http.Answer push(PlanMessage plan) {
    return Http.postJson(spoke.url() + "/v1/plans", TOKEN, Plans.json(plan));
  }

  private EntityReport awaitOutcome(EntityId entity, String planId, PlanOutcome outcome) {
    return Eventually.await(entity + " reported with " + planId + " " + outcome, LIMIT, () -> hub.latest(entity)
        .filter(e -> e.lastPlanId().equals(Optional.of(planId)) && e.lastPlanOutcome().equals(Optional.of(outcome))));
  }
}
