package io.apollo.spoke;

import static io.apollo.spoke.testing.InProcessSpoke.TOKEN;
import static io.apollo.spoke.testing.SampleDists.dist;
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
import io.apollo.spoke.testing.Eventually;
import io.apollo.spoke.testing.Http;
import io.apollo.spoke.testing.Plans;
import io.apollo.spoke.testing.SampleDists;
import io.apollo.spoke.testing.SpokeProcess;
import io.apollo.spoke.testing.TestHub;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spoke as an operator runs it ({@link SpokeMain}, a real process, the real sls operator) running the sample
 * SLS service built by scripts/sls-dist through its whole life, by push and by poll, and surviving a kill -9.
 */
class SlsAgentIT {
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final String SPOKE = "spoke-sls";
  private static final String ENTITY = "test/catalog";
  private static final EntityId ID = EntityId.parse(ENTITY);

  @TempDir Path dir;
  private TestHub hub;
  private SpokeProcess spoke;

  @BeforeAll
  static void distributions() throws Exception {
    SampleDists.build("1.0.0", "1.1.0", "1.2.0 --start-delay 30");
  }

  @BeforeEach
  void hub() throws Exception {
    hub = new TestHub(TOKEN).start();
    Files.writeString(dir.resolve("token"), TOKEN + "\n");
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (spoke != null) {
        spoke.close();
      }
      hub.close();
    } finally {
      SampleDists.killServices(dir.resolve("work"));
    }
  }

  @Test
  void installsReconfiguresUpgradesDegradesRollsBackAndUninstallsARealServiceByPush() throws Exception {
    spoke = start("push");
    int firstPort = freePort();
    Map<String, Object> first = Map.of("port", firstPort, "message", "first");

    push(Plans.sls("s-install", SPOKE, ENTITY, PlanType.INSTALL, null, "1.0.0", first, dist("1.0.0")));
    EntityReport installed = awaitOutcome("s-install", PlanOutcome.SUCCEEDED);
    assertThat(installed.state()).isEqualTo(EntityState.RUNNING);
    assertThat(service(firstPort)).contains("200 catalog 1.0.0 first");

    int port = freePort();
    Map<String, Object> second = Map.of("port", port, "message", "second");
    push(Plans.sls("s-config", SPOKE, ENTITY, PlanType.CONFIG_UPDATE, "1.0.0", "1.0.0", second, dist("1.0.0")));
    EntityReport reconfigured = awaitOutcome("s-config", PlanOutcome.SUCCEEDED);
    assertThat(reconfigured.configDigest()).contains(ConfigDigest.of(second));
    assertThat(service(port)).contains("200 catalog 1.0.0 second");

    push(Plans.sls("s-upgrade", SPOKE, ENTITY, PlanType.UPGRADE, "1.0.0", "1.1.0", second, dist("1.1.0")));
    EntityReport upgraded = awaitOutcome("s-upgrade", PlanOutcome.SUCCEEDED);
    assertThat(upgraded.version()).contains(Version.parse("1.1.0"));
    assertThat(upgraded.lastHealthyVersion()).contains(Version.parse("1.0.0"));
    assertThat(service(port)).contains("200 catalog 1.1.0 second");

    // The service dies under the spoke: the spoke says so.
    long pid = Long.parseLong(Files.readString(dir.resolve("work/sls/test/catalog/1.1.0/var/run/catalog.pid")).strip());
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    EntityReport degraded = Eventually.await("DEGRADED reported", LIMIT,
        () -> hub.latest(ID).filter(e -> e.state() == EntityState.DEGRADED));
    assertThat(degraded.health()).isEqualTo(Health.UNHEALTHY);
    assertThat(degraded.message()).isNotBlank();

    PlanMessage rollback = Plans.sls("s-rollback", SPOKE, ENTITY, PlanType.ROLLBACK, "1.1.0", "1.0.0", second,
        dist("1.0.0"));
    push(rollback);
    EntityReport rolledBack = awaitOutcome("s-rollback", PlanOutcome.SUCCEEDED);
    assertThat(rolledBack.state()).isEqualTo(EntityState.RUNNING);
    assertThat(rolledBack.version()).contains(Version.parse("1.0.0"));
    assertThat(service(port)).contains("200 catalog 1.0.0 second");
    Http.Answer again = push(rollback);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).contains("\"outcome\":\"SUCCEEDED\"");

    push(Plans.sls("s-uninstall", SPOKE, ENTITY, PlanType.UNINSTALL, "1.0.0", null, Map.of(), null));
    EntityReport removed = awaitOutcome("s-uninstall", PlanOutcome.SUCCEEDED);
    assertThat(removed.version()).isEmpty();
    assertThat(service(port)).isEmpty();
    assertThat(dir.resolve("work/sls/test/catalog")).doesNotExist();
    assertThat(hub.errors()).isEmpty();
  }

  @Test
  void takesARealServiceThroughItsLifeByPoll() throws Exception {
    spoke = start("poll");
    int port = freePort();
    Map<String, Object> config = Map.of("port", port, "message", "polled");

    hub.offer(Plans.sls("q-install", SPOKE, ENTITY, PlanType.INSTALL, null, "1.0.0", config, dist("1.0.0")));
    awaitOutcome("q-install", PlanOutcome.SUCCEEDED);
    assertThat(service(port)).contains("200 catalog 1.0.0 polled");

    hub.offer(Plans.sls("q-upgrade", SPOKE, ENTITY, PlanType.UPGRADE, "1.0.0", "1.1.0", config, dist("1.1.0")));
    awaitOutcome("q-upgrade", PlanOutcome.SUCCEEDED);
    assertThat(service(port)).contains("200 catalog 1.1.0 polled");

    hub.offer(Plans.sls("q-uninstall", SPOKE, ENTITY, PlanType.UNINSTALL, "1.1.0", null, Map.of(), null));
    awaitOutcome("q-uninstall", PlanOutcome.SUCCEEDED);
    assertThat(service(port)).isEmpty();
  }

  @Test
  void anUpgradeCutShortByKillMinus9IsResolvedFromWhatRunsAndNotRunAgain() throws Exception {
    spoke = start("push");
    int port = freePort();
    Map<String, Object> config = Map.of("port", port, "message", "m");
    push(Plans.sls("k-install", SPOKE, ENTITY, PlanType.INSTALL, null, "1.0.0", config, dist("1.0.0")));
    awaitOutcome("k-install", PlanOutcome.SUCCEEDED);

    // 1.2.0 takes 30 s to come up: the spoke is killed while it waits for it.
    PlanMessage slow = Plans.sls("k-upgrade", SPOKE, ENTITY, PlanType.UPGRADE, "1.0.0", "1.2.0", config,
        dist("1.2.0 --start-delay 30"));
    assertThat(push(slow).status()).isEqualTo(202);
    Eventually.until("1.2.0 unpacked and starting", LIMIT,
        () -> Files.exists(dir.resolve("work/sls/test/catalog/1.2.0/var/run/catalog.pid")));
    spoke.kill();
    spoke = start("push");

    EntityReport resolved = awaitOutcome("k-upgrade", PlanOutcome.FAILED);
    assertThat(resolved.state()).isEqualTo(EntityState.FAILED);
    assertThat(resolved.message()).contains("interrupted by a spoke restart");
    Http.Answer again = push(slow);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).contains("\"outcome\":\"FAILED\"").contains("interrupted_by_restart");
  }

  private SpokeProcess start(String mode) throws Exception {
    return SpokeProcess.start(SpokeMain.class, dir.resolve("spoke-" + System.nanoTime() + ".log"),
        "--name", SPOKE, "--hub", hub.url(), "--token-file", dir.resolve("token").toString(), "--port", "0",
        "--work-dir", dir.resolve("work").toString(), "--mode", mode, "--report-interval", "500ms",
        "--health-interval", "500ms", "--poll-wait", "1s");
  }

  private Http.Answer push(PlanMessage plan) {
    return Http.postJson(spoke.url() + "/v1/plans", TOKEN, Plans.json(plan));
  }

  private EntityReport awaitOutcome(String planId, PlanOutcome outcome) {
    return Eventually.await(ENTITY + " reported with " + planId + " " + outcome, LIMIT, () -> hub.latest(ID)
        .filter(e -> e.lastPlanId().equals(Optional.of(planId)) && e.lastPlanOutcome().equals(Optional.of(outcome))));
  }

  /** What the service answers on {@code GET /}, as "status body", or empty when nothing listens. */
  private static Optional<String> service(int port) {
    try {
      Http.Answer a = Http.get("http://127.0.0.1:" + port + "/", null);
      return Optional.of(a.status() + " " + a.body().strip());
    } catch (UncheckedIOException e) {
      return Optional.empty();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
