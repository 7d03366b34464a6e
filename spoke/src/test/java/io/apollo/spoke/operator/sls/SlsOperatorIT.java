package io.apollo.spoke.operator.sls;

import static io.apollo.spoke.operator.sls.SlsFixtures.ENTITY;
import static io.apollo.spoke.operator.sls.SlsFixtures.dist;
import static io.apollo.spoke.operator.sls.SlsFixtures.get;
import static io.apollo.spoke.operator.sls.SlsFixtures.gone;
import static io.apollo.spoke.operator.sls.SlsFixtures.pid;
import static io.apollo.spoke.operator.sls.SlsFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.apollo.core.config.ConfigDigest;
import io.apollo.core.config.PlanType;
import io.apollo.core.report.Health;
import io.apollo.core.version.Version;
import io.apollo.spoke.operator.Observation;
import io.apollo.spoke.operator.OperatorResult;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sls operator's happy paths with real services built by scripts/sls-dist, as real processes. */
class SlsOperatorIT {
  @TempDir Path work;

  @BeforeAll
  static void distributions() throws Exception {
    SlsFixtures.build("1.0.0", "1.1.0", "1.3.0 --start-delay 2");
  }

  @AfterEach
  void noServiceLeftBehind() throws Exception {
    io.apollo.spoke.testing.SampleDists.killServices(work);
  }

  private SlsOperator operator() {
    return new SlsOperator(work, SlsLimits.defaults().withHealthTimeout(Duration.ofSeconds(30)));
  }

  @Test
  void installsReconfiguresUpgradesRollsBackAndUninstallsARealService() throws Exception {
    SlsOperator sls = operator();
    int firstPort = SlsFixtures.freePort();
    Map<String, Object> first = Map.of("port", firstPort, "message", "first");

    // install, fetched over HTTP: unpacked into its own folder, config written, started, healthy.
    HttpServer artifacts = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    artifacts.createContext("/catalog-1.0.0.tgz", ex -> {
      byte[] tgz = Files.readAllBytes(dist("1.0.0").tgz());
      ex.sendResponseHeaders(200, tgz.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(tgz);
      }
    });
    artifacts.start();
    OperatorResult installed;
    try {
      installed = sls.run(plan(PlanType.INSTALL, null, "1.0.0", first,
          "http://127.0.0.1:" + artifacts.getAddress().getPort() + "/catalog-1.0.0.tgz", dist("1.0.0").sha256()));
    } finally {
      artifacts.stop(0);
    }
    assertThat(installed.succeeded()).as(installed.message()).isTrue();
    assertThat(installed.running()).contains(Version.parse("1.0.0"));
    assertThat(get(firstPort, "/")).contains("200 catalog 1.0.0 first");
    assertThat(work.resolve("sls/test/catalog/1.0.0/var/conf/catalog.yml")).content().contains("first");
    Observation seen = sls.observe(ENTITY);
    assertThat(seen.health()).as(seen.message()).isEqualTo(Health.HEALTHY);
    assertThat(seen.version()).contains(Version.parse("1.0.0"));
    assertThat(seen.configDigest()).contains(ConfigDigest.of(first));

    // config_update: the service answers on the new port with the new message; the old port is closed.
    int secondPort = SlsFixtures.freePort();
    Map<String, Object> second = Map.of("port", secondPort, "message", "second");
    OperatorResult reconfigured = sls.run(plan(PlanType.CONFIG_UPDATE, "1.0.0", "1.0.0", second, dist("1.0.0")));
    assertThat(reconfigured.succeeded()).as(reconfigured.message()).isTrue();
    assertThat(get(secondPort, "/")).contains("200 catalog 1.0.0 second");
    assertThat(get(firstPort, "/")).isEmpty();
    assertThat(sls.observe(ENTITY).configDigest()).contains(ConfigDigest.of(second));

    // upgrade: the old version stops, the new one answers; the old folder is kept for a fast rollback.
    long oldPid = pid(work, "1.0.0").orElseThrow();
    OperatorResult upgraded = sls.run(plan(PlanType.UPGRADE, "1.0.0", "1.1.0", second, dist("1.1.0")));
    assertThat(upgraded.succeeded()).as(upgraded.message()).isTrue();
    assertThat(upgraded.running()).contains(Version.parse("1.1.0"));
    assertThat(get(secondPort, "/")).contains("200 catalog 1.1.0 second");
    assertThat(gone(oldPid)).as("1.0.0's process is gone after the upgrade").isTrue();
    assertThat(work.resolve("sls/test/catalog/1.0.0/service/bin/init.sh")).exists();

    // rollback: the kept folder is used, so the artifact is not even fetched (its uri points nowhere now).
    OperatorResult rolledBack = sls.run(plan(PlanType.ROLLBACK, "1.1.0", "1.0.0", second,
        work.resolve("gone/catalog-1.0.0.tgz").toUri().toString(), dist("1.0.0").sha256()));
    assertThat(rolledBack.succeeded()).as(rolledBack.message()).isTrue();
    assertThat(get(secondPort, "/")).contains("200 catalog 1.0.0 second");
    assertThat(sls.observe(ENTITY).version()).contains(Version.parse("1.0.0"));

    // uninstall: the process is gone and so is the entity's folder.
    long pid = pid(work, "1.0.0").orElseThrow();
    OperatorResult uninstalled = sls.run(plan(PlanType.UNINSTALL, "1.0.0", null, Map.of(), null, null));
    assertThat(uninstalled.succeeded()).as(uninstalled.message()).isTrue();
    assertThat(uninstalled.running()).isEmpty();
    assertThat(gone(pid)).as("the service's process is gone after the uninstall").isTrue();
    assertThat(work.resolve("sls/test/catalog")).doesNotExist();
    assertThat(sls.observe(ENTITY)).isEqualTo(Observation.nothingInstalled());
    assertThat(get(secondPort, "/")).isEmpty();
  }

  @Test
  void observeTellsTheTruthAfterASpokeRestartAndWhenTheServiceDies() throws Exception {
    int port = SlsFixtures.freePort();
    Map<String, Object> config = Map.of("port", port);
    OperatorResult installed = operator().run(plan(PlanType.INSTALL, null, "1.1.0", config, dist("1.1.0")));
    assertThat(installed.succeeded()).as(installed.message()).isTrue();

    // A new operator over the same folder (a restarted spoke) knows what runs from its record and a fresh check.
    SlsOperator restarted = operator();
    Observation seen = restarted.observe(ENTITY);
    assertThat(seen.version()).contains(Version.parse("1.1.0"));
    assertThat(seen.configDigest()).contains(ConfigDigest.of(config));
    assertThat(seen.health()).as(seen.message()).isEqualTo(Health.HEALTHY);

    // A running service whose health check fails is reported unhealthy (the agent's DEGRADED), and healthy again.
    Path failHealth = work.resolve("sls/test/catalog/1.1.0/var/fail-health");
    Files.writeString(failHealth, "");
    Observation failing = restarted.observe(ENTITY);
    assertThat(failing.health()).isEqualTo(Health.UNHEALTHY);
    assertThat(failing.message()).contains("running, but init.sh check fails");
    Files.delete(failHealth);
    assertThat(restarted.observe(ENTITY).health()).isEqualTo(Health.HEALTHY);

    // A service killed behind the spoke's back is reported as dead, not hidden.
    ProcessHandle service = ProcessHandle.of(pid(work, "1.1.0").orElseThrow()).orElseThrow();
    service.destroyForcibly();
    service.onExit().join();
    Observation dead = restarted.observe(ENTITY);
    assertThat(dead.health()).isEqualTo(Health.UNHEALTHY);
    assertThat(dead.version()).contains(Version.parse("1.1.0"));
    assertThat(dead.message()).contains("died");
  }

  @Test
  void afterASpokeStoppedMidUpgradeObserveNamesWhatRunsAndTheRetriedPlanFinishesIt() throws Exception {
    SlsOperator sls = operator();
    int port = SlsFixtures.freePort();
    Map<String, Object> config = Map.of("port", port, "message", "crash");
    assertThat(sls.run(plan(PlanType.INSTALL, null, "1.0.0", config, dist("1.0.0"))).succeeded()).isTrue();
    assertThat(sls.run(plan(PlanType.UPGRADE, "1.0.0", "1.1.0", config, dist("1.1.0"))).succeeded()).isTrue();
    // As if the spoke died after starting 1.1.0 and before writing its record: the record still names 1.0.0.
    Path entityDir = work.resolve("sls/test/catalog");
    EntityRecord stale = new EntityRecord("catalog", Optional.of(Version.parse("1.0.0")),
        Optional.of("sha256:stale"), java.util.List.of("1.0.0"));
    stale.write(new WorkFolder(work), entityDir);

    Observation seen = operator().observe(ENTITY);
    assertThat(seen.version()).as(seen.message()).contains(Version.parse("1.1.0"));
    assertThat(seen.configDigest()).contains(ConfigDigest.of(config));
    assertThat(seen.health()).isEqualTo(Health.HEALTHY);
    assertThat(seen.message()).contains("not the recorded 1.0.0");

    // The agent runs the plan again: it finishes (1.1.0 restarted with the plan's config), and one version runs.
    long pid = pid(work, "1.1.0").orElseThrow();
    OperatorResult again = operator().run(plan(PlanType.UPGRADE, "1.0.0", "1.1.0", config, dist("1.1.0")));
    assertThat(again.succeeded()).as(again.message()).isTrue();
    assertThat(gone(pid)).as("the stray 1.1.0 process was stopped before the restart").isTrue();
    assertThat(pid(work, "1.1.0")).isPresent();
    assertThat(pid(work, "1.0.0")).isEmpty();
    assertThat(EntityRecord.read(entityDir).orElseThrow().current()).contains(Version.parse("1.1.0"));
    assertThat(get(port, "/")).contains("200 catalog 1.1.0 crash");
  }

  @Test
  void waitsForASlowServiceUntilTheHealthDeadlineAndNoLonger() throws Exception {
    Map<String, Object> config = Map.of("port", 0);
    // 1.3.0 listens only 2 s after it starts: a 1 s deadline fails it, a 30 s one sees it come up.
    SlsOperator impatient = new SlsOperator(work, SlsLimits.defaults().withHealthTimeout(Duration.ofSeconds(1)));
    OperatorResult tooSoon =
        impatient.run(plan(PlanType.INSTALL, null, "1.3.0", config, dist("1.3.0 --start-delay 2")));
    assertThat(tooSoon.succeeded()).isFalse();
    assertThat(tooSoon.reason()).isEqualTo(SlsReason.HEALTH_CHECK_FAILED.wireName());
    assertThat(tooSoon.message()).contains("did not pass init.sh check within 1000 ms")
        .contains("Nothing was running before");
    assertThat(pid(work, "1.3.0")).as("the slow service was stopped").isEmpty();

    OperatorResult patient = operator().run(plan(PlanType.INSTALL, null, "1.3.0", config,
        dist("1.3.0 --start-delay 2")));
    assertThat(patient.succeeded()).as(patient.message()).isTrue();
    assertThat(operator().observe(ENTITY).health()).isEqualTo(Health.HEALTHY);
  }

  @Test
  void rotatesAServiceLogThatOutgrowsItsCap() throws Exception {
    SlsOperator sls = new SlsOperator(work, SlsLimits.defaults().withLogRotation(100, 2));
    OperatorResult installed = sls.run(plan(PlanType.INSTALL, null, "1.0.0", Map.of("port", 0), dist("1.0.0")));
    assertThat(installed.succeeded()).as(installed.message()).isTrue();
    Path log = work.resolve("sls/test/catalog/1.0.0/var/log/catalog.log");
    Files.writeString(log, "x".repeat(500) + "\n", java.nio.file.StandardOpenOption.APPEND);

    sls.observe(ENTITY);

    assertThat(Files.size(log)).isLessThanOrEqualTo(100);
    assertThat(log.resolveSibling("catalog.log.1")).content().contains("listening on 127.0.0.1:");
    Files.writeString(log, "y".repeat(500) + "\n", java.nio.file.StandardOpenOption.APPEND);
    sls.observe(ENTITY);
    assertThat(log.resolveSibling("catalog.log.2")).content().contains("listening on");
    assertThat(log.resolveSibling("catalog.log.1")).content().contains("yyy");
    assertThat(log.resolveSibling("catalog.log.3")).doesNotExist();
    assertThat(Optional.of(sls.observe(ENTITY).health())).contains(Health.HEALTHY);
  }
}
