package io.apollo.spoke.intake;

import static io.apollo.spoke.testing.InProcessSpoke.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.ConfigDigest;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.PlanType;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.report.PlanOutcome;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.spoke.options.Mode;
import io.apollo.spoke.testing.Eventually;
import io.apollo.spoke.testing.Http;
import io.apollo.spoke.testing.InProcessSpoke;
import io.apollo.spoke.testing.Plans;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The push endpoint end to end: a real HTTP server on loopback, a test hub taking reports, the journal on disk. */
class PushIT {
  private static final Duration LIMIT = Duration.ofSeconds(15);
  private static final String SPOKE = InProcessSpoke.NAME;

  @TempDir Path dir;
  private InProcessSpoke spoke;

  @BeforeEach
  void start() throws Exception {
    spoke = InProcessSpoke.start(dir, Mode.PUSH);
  }

  @AfterEach
  void stop() throws Exception {
    spoke.close();
  }

  @Test
  void installsUpgradesReconfiguresAndUninstallsAndReportsEachStep() {
    EntityId entity = EntityId.parse("prod/catalog");
    Map<String, Object> config = Map.of("port", 8080);

    Http.Answer accepted =
        push(Plans.plan("p-install", SPOKE, "prod/catalog", PlanType.INSTALL, null, "1.0.0", config));
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.body()).contains("\"outcome\":\"RUNNING\"");
    EntityReport installed = awaitOutcome(entity, "p-install", PlanOutcome.SUCCEEDED);
    assertThat(installed.version()).contains(Version.parse("1.0.0"));
    assertThat(installed.state()).isEqualTo(EntityState.RUNNING);
    assertThat(installed.health()).isEqualTo(Health.HEALTHY);
    assertThat(installed.configDigest()).contains(ConfigDigest.of(config));

    push(Plans.plan("p-upgrade", SPOKE, "prod/catalog", PlanType.UPGRADE, "1.0.0", "1.1.0", config));
    EntityReport upgraded = awaitOutcome(entity, "p-upgrade", PlanOutcome.SUCCEEDED);
    assertThat(upgraded.version()).contains(Version.parse("1.1.0"));
    assertThat(upgraded.lastHealthyVersion()).as("the version that ran healthy before")
        .contains(Version.parse("1.0.0"));

    Map<String, Object> newConfig = Map.of("port", 9090);
    push(Plans.plan("p-config", SPOKE, "prod/catalog", PlanType.CONFIG_UPDATE, "1.1.0", "1.1.0", newConfig));
    EntityReport reconfigured = awaitOutcome(entity, "p-config", PlanOutcome.SUCCEEDED);
    assertThat(reconfigured.configDigest()).contains(ConfigDigest.of(newConfig));
    assertThat(reconfigured.version()).contains(Version.parse("1.1.0"));

    push(Plans.plan("p-uninstall", SPOKE, "prod/catalog", PlanType.UNINSTALL, "1.1.0", null, Map.of()));
    EntityReport removed = awaitOutcome(entity, "p-uninstall", PlanOutcome.SUCCEEDED);
    assertThat(removed.version()).isEmpty();
    assertThat(removed.configDigest()).isEmpty();
    assertThat(removed.state()).isEqualTo(EntityState.UNMANAGED);

    assertThat(spoke.operator.runs()).containsExactly("p-install", "p-upgrade", "p-config", "p-uninstall");
    assertThat(spoke.hub.errors()).as("every report met the schema").isEmpty();
  }

  @Test
  void aPlanDeliveredTwiceRunsOnceAndTheSecondDeliveryGetsTheRecordedOutcome() {
    PlanMessage plan = Plans.plan("p-dup", SPOKE, "prod/dup", PlanType.INSTALL, null, "1.0.0", Map.of());
    assertThat(push(plan).status()).isEqualTo(202);
    awaitOutcome(EntityId.parse("prod/dup"), "p-dup", PlanOutcome.SUCCEEDED);

    Http.Answer again = push(plan);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).contains("\"outcome\":\"SUCCEEDED\"").contains("\"id\":\"p-dup\"");
    assertThat(spoke.operator.runs()).containsExactly("p-dup");
  }

  @Test
  void concurrentDeliveriesOfOnePlanAreTakenOnce() {
    PlanMessage plan =
        Plans.plan("p-race", SPOKE, "prod/race", PlanType.INSTALL, null, "1.0.0", Map.of("sleepMs", 200));
    var first = CompletableFuture.supplyAsync(() -> push(plan));
    var second = CompletableFuture.supplyAsync(() -> push(plan));

    assertThat(java.util.List.of(first.join().status(), second.join().status())).containsExactlyInAnyOrder(202, 200);
    awaitOutcome(EntityId.parse("prod/race"), "p-race", PlanOutcome.SUCCEEDED);
    assertThat(spoke.operator.runs()).containsExactly("p-race");
  }

  @Test
  void plansOfOneEntityRunInOrderWhileOtherEntitiesRunBeside() {
    push(Plans.plan("a-1", SPOKE, "prod/a", PlanType.INSTALL, null, "1.0.0", Map.of("sleepMs", 700)));
    push(Plans.plan("a-2", SPOKE, "prod/a", PlanType.UPGRADE, "1.0.0", "1.1.0", Map.of()));
    push(Plans.plan("b-1", SPOKE, "prod/b", PlanType.INSTALL, null, "2.0.0", Map.of("sleepMs", 700)));

    Eventually.until("a-1 and b-1 running at the same time", LIMIT, () -> {
      String state = Http.get(spoke.agent.url() + "/v1/state", TOKEN).body();
      return state.contains("\"lastPlanId\":\"a-1\"") && state.contains("\"lastPlanId\":\"b-1\"")
          && state.split("\"lastPlanOutcome\":\"RUNNING\"", -1).length == 3;
    });
    awaitOutcome(EntityId.parse("prod/a"), "a-2", PlanOutcome.SUCCEEDED);
    awaitOutcome(EntityId.parse("prod/b"), "b-1", PlanOutcome.SUCCEEDED);
    assertThat(spoke.operator.runs()).containsSubsequence("a-1", "a-2");
    assertThat(spoke.hub.latest(EntityId.parse("prod/a")).orElseThrow().version()).contains(Version.parse("1.1.0"));
  }

  @Test
  void anUnhealthyEntityIsReportedDegradedAndRunningAgainWhenItRecovers() {
    EntityId entity = EntityId.parse("prod/health");
    push(Plans.plan("h-1", SPOKE, "prod/health", PlanType.INSTALL, null, "1.0.0", Map.of()));
    awaitOutcome(entity, "h-1", PlanOutcome.SUCCEEDED);

    spoke.operator.makeUnhealthy(entity, true);
    EntityReport degraded = awaitState(entity, EntityState.DEGRADED);
    assertThat(degraded.health()).isEqualTo(Health.UNHEALTHY);
    assertThat(degraded.message()).contains("check failed");

    spoke.operator.makeUnhealthy(entity, false);
    EntityReport recovered = awaitState(entity, EntityState.RUNNING);
    assertThat(recovered.health()).isEqualTo(Health.HEALTHY);
  }

  @Test
  void aFailedPlanIsReportedFailedWithItsReasonAndTheOldVersionStillRunning() {
    EntityId entity = EntityId.parse("prod/fail");
    push(Plans.plan("f-1", SPOKE, "prod/fail", PlanType.INSTALL, null, "1.0.0", Map.of()));
    awaitOutcome(entity, "f-1", PlanOutcome.SUCCEEDED);

    push(Plans.plan("f-2", SPOKE, "prod/fail", PlanType.UPGRADE, "1.0.0", "2.0.0", Map.of("fail", true)));
    EntityReport failed = awaitOutcome(entity, "f-2", PlanOutcome.FAILED);

    assertThat(failed.state()).isEqualTo(EntityState.FAILED);
    assertThat(failed.version()).contains(Version.parse("1.0.0"));
    assertThat(failed.message()).contains("did not become healthy");
    Http.Answer record = Http.get(spoke.plansUrl() + "/f-2", TOKEN);
    assertThat(record.status()).isEqualTo(200);
    assertThat(record.body()).contains("\"reason\":\"health_check_failed\"").contains("begun")
        .contains("finished failed");
  }

  @Test
  void reportsReachTheHubOnceItComesBack() {
    spoke.hub.away(true);
    push(Plans.plan("w-1", SPOKE, "prod/away", PlanType.INSTALL, null, "1.0.0", Map.of()));
    Eventually.until("reports refused while the hub is away", LIMIT, () -> spoke.hub.refusedReports() >= 2);

    spoke.hub.away(false);

    awaitOutcome(EntityId.parse("prod/away"), "w-1", PlanOutcome.SUCCEEDED);
  }

  @Test
  void anUnknownPlanIsNotFound() {
    Http.Answer answer = Http.get(spoke.plansUrl() + "/nope", TOKEN);
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body()).contains("\"error\":\"not_found\"");
  }

  private Http.Answer push(PlanMessage plan) {
    return Http.postJson(spoke.plansUrl(), TOKEN, Plans.json(plan));
  }

  private EntityReport awaitOutcome(EntityId entity, String planId, PlanOutcome outcome) {
    return Eventually.await(entity + " reported with " + planId + " " + outcome, LIMIT, () -> spoke.hub.latest(entity)
        .filter(e -> e.lastPlanId().equals(Optional.of(planId)) && e.lastPlanOutcome().equals(Optional.of(outcome))));
  }

  private EntityReport awaitState(EntityId entity, EntityState state) {
    return Eventually.await(entity + " reported " + state, LIMIT,
        () -> spoke.hub.latest(entity).filter(e -> e.state() == state));
  }
}
