package io.apollo.spoke.operator.sls;

import static io.apollo.spoke.operator.sls.SlsFixtures.ENTITY;
import static io.apollo.spoke.operator.sls.SlsFixtures.dist;
import static io.apollo.spoke.operator.sls.SlsFixtures.get;
import static io.apollo.spoke.operator.sls.SlsFixtures.gone;
import static io.apollo.spoke.operator.sls.SlsFixtures.pid;
import static io.apollo.spoke.operator.sls.SlsFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.PlanType;
import io.apollo.core.report.Health;
import io.apollo.core.version.Version;
import io.apollo.spoke.operator.Observation;
import io.apollo.spoke.operator.OperatorResult;
import io.apollo.spoke.operator.sls.SlsFixtures.Dist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the sls operator (issue 8, "Bad input"): each gives a FAILED plan with a clear reason, nothing outside
 * the work folder touched, and the version that was running left running.
 */
class SlsOperatorFailureIT {
  @TempDir Path temp;
  private Path sandbox;
  private Path work;

  @BeforeAll
  static void distributions() throws Exception {
    SlsFixtures.build("1.0.0", "1.1.0", "1.2.0 --unhealthy");
  }

  @BeforeEach
  void folders() throws IOException {
    // The operator's work folder is sandbox/work; anything else appearing in sandbox/ escaped from it.
    sandbox = Files.createDirectories(temp.resolve("sandbox"));
    work = sandbox.resolve("work");
  }

  @AfterEach
  void noServiceLeftBehind() throws Exception {
    io.apollo.spoke.testing.SampleDists.killServices(work);
  }

  private SlsOperator operator(Duration healthTimeout, Duration initTimeout) {
    return new SlsOperator(work, SlsLimits.defaults().withHealthTimeout(healthTimeout).withInitTimeout(initTimeout));
  }

  /** One bad upgrade from a running 1.0.0: its name, the plan's target and artifact, and the reason expected. */
  private record BadUpgrade(
      String name, String to, Dist artifact, SlsReason reason, String words, boolean oldStopped) {}

  @Test
  void badUpgradesFailWithTheirReasonAndLeaveTheRunningVersionRunning() throws Exception {
    SlsOperator sls = operator(Duration.ofSeconds(4), Duration.ofSeconds(10));
    int port = SlsFixtures.freePort();
    Map<String, Object> config = Map.of("port", port, "message", "steady");
    OperatorResult installed = sls.run(plan(PlanType.INSTALL, null, "1.0.0", config, dist("1.0.0")));
    assertThat(installed.succeeded()).as(installed.message()).isTrue();

    Dist real = dist("1.1.0");
    List<BadUpgrade> cases = List.of(
        new BadUpgrade("checksum mismatch", "1.1.0", new Dist(real.tgz(), "0".repeat(64)),
            SlsReason.CHECKSUM_MISMATCH, "has sha256 " + real.sha256(), false),
        new BadUpgrade("truncated archive", "1.1.0", truncated(real), SlsReason.ARCHIVE_CORRUPT, "not a complete",
            false),
        new BadUpgrade("'../' entry", "1.1.0", archive("dotdot.tgz", TestArchives.tgz()
            .file("catalog-1.1.0/../../../escaped.txt", "x")), SlsReason.ARCHIVE_UNSAFE, "'..'", false),
        new BadUpgrade("symlink out", "1.1.0", archive("link.tgz", TestArchives.tgz()
            .symlink("catalog-1.1.0/out", "../../../..")), SlsReason.ARCHIVE_UNSAFE, "outside", false),
        new BadUpgrade("gzip bomb claiming 10 GB", "1.1.0", archive("bomb.tgz",
            TestArchives.claimingHuge("catalog-1.1.0/bomb.bin", 10_000_000_000L)), SlsReason.ARCHIVE_TOO_LARGE,
            "claims 10000000000 bytes", false),
        new BadUpgrade("manifest of another version", "1.4.0", real, SlsReason.MANIFEST_INVALID,
            "product-version 1.1.0", false),
        new BadUpgrade("unhealthy release", "1.2.0", dist("1.2.0 --unhealthy"), SlsReason.HEALTH_CHECK_FAILED,
            "did not pass init.sh check", true),
        new BadUpgrade("init.sh start exits non-zero", "1.3.0", archive("fails.tgz", scripted("1.3.0", """
            case "$1" in
              start) echo "cannot bind 127.0.0.1: address in use" >&2; exit 7 ;;
              status) exit 3 ;;
              *) exit 0 ;;
            esac
            """)), SlsReason.INIT_SCRIPT_FAILED, "init.sh start exited 7: cannot bind 127.0.0.1: address in use",
            true),
        new BadUpgrade("init.sh not executable", "1.3.0", archive("noexec.tgz", withManifest("1.3.0")
            .file("catalog-1.3.0/service/bin/init.sh", "#!/bin/sh\nexit 0\n".getBytes(), 0644)),
            SlsReason.INIT_SCRIPT_FAILED, "not executable", true));

    for (BadUpgrade bad : cases) {
      long pidBefore = pid(work, "1.0.0").orElseThrow();
      OperatorResult result = sls.run(plan(PlanType.UPGRADE, "1.0.0", bad.to(), config, bad.artifact()));

      assertThat(result.succeeded()).as(bad.name()).isFalse();
      assertThat(result.reason()).as(bad.name() + ": " + result.message()).isEqualTo(bad.reason().wireName());
      assertThat(result.message()).as(bad.name()).contains(bad.words());
      assertThat(result.running()).as(bad.name()).contains(Version.parse("1.0.0"));
      assertThat(get(port, "/")).as(bad.name() + ": 1.0.0 still answers").contains("200 catalog 1.0.0 steady");
      Observation seen = sls.observe(ENTITY);
      assertThat(seen.version()).as(bad.name()).contains(Version.parse("1.0.0"));
      assertThat(seen.health()).as(bad.name() + ": " + seen.message()).isEqualTo(Health.HEALTHY);
      if (!bad.oldStopped()) {
        assertThat(pid(work, "1.0.0")).as(bad.name() + ": 1.0.0 was never stopped").contains(pidBefore);
      }
      try (Stream<Path> beside = Files.list(sandbox)) {
        assertThat(beside).as(bad.name() + ": nothing beside the work folder").containsExactly(work);
      }
      try (Stream<Path> staging = Files.list(work.resolve("sls/test/catalog"))) {
        assertThat(staging.map(p -> p.getFileName().toString())).as(bad.name() + ": no staging left")
            .noneMatch(n -> n.startsWith(".staging-"));
      }
    }
    assertThat(work.resolve("sls/test/catalog/1.2.0/var/run/catalog.pid")).as("the unhealthy release was stopped")
        .doesNotExist();
  }

  @Test
  void aHangingInitScriptFailsWithinItsTimeLimitAndItsProcessesAreKilled() throws Exception {
    SlsOperator sls = operator(Duration.ofSeconds(5), Duration.ofSeconds(2));
    Dist hangs = archive("hangs.tgz", scripted("1.0.0", """
        case "$1" in
          start) mkdir -p var/run; sleep 300 & echo $! > var/run/sleeper.pid; wait ;;
          status) exit 3 ;;
          *) exit 0 ;;
        esac
        """));

    long started = System.nanoTime();
    OperatorResult result = sls.run(plan(PlanType.INSTALL, null, "1.0.0", Map.of(), hangs));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.reason()).isEqualTo(SlsReason.INIT_SCRIPT_FAILED.wireName());
    assertThat(result.message()).contains("init.sh start did not finish within 2000 ms");
    assertThat(result.running()).isEmpty();
    assertThat(took).as("failed long before the script's 300 s sleep").isLessThan(Duration.ofSeconds(60));
    long sleeper = Long.parseLong(Files.readString(work.resolve("sls/test/catalog/1.0.0/var/run/sleeper.pid")).strip());
    assertThat(gone(sleeper)).as("the process the hung script started is killed").isTrue();
    assertThat(sls.observe(ENTITY)).isEqualTo(Observation.nothingInstalled());
  }

  private Dist archive(String name, TestArchives archive) throws IOException {
    return archive(name, archive.bytes());
  }

  private Dist archive(String name, byte[] bytes) throws IOException {
    Path file = Files.write(Files.createDirectories(temp.resolve("artifacts")).resolve(name), bytes);
    return new Dist(file, TestArchives.sha256(bytes));
  }

  private Dist truncated(Dist whole) throws IOException {
    byte[] bytes = Files.readAllBytes(whole.tgz());
    return archive("truncated.tgz", java.util.Arrays.copyOf(bytes, bytes.length / 2));
  }

  /** A distribution of {@code version} whose init.sh is {@code body} (bash) and that holds nothing else to run. */
  private static TestArchives scripted(String version, String body) {
    return withManifest(version)
        .executable("catalog-" + version + "/service/bin/init.sh", "#!/usr/bin/env bash\n" + body);
  }

  /** The top folder and manifest of a distribution of {@code version}, and nothing else yet. */
  private static TestArchives withManifest(String version) {
    String top = "catalog-" + version + "/";
    return TestArchives.tgz()
        .dir(top)
        .file(top + "deployment/manifest.yml", """
            manifest-version: "1.0"
            product-type: service.v1
            product-group: com.example
            product-name: catalog
            product-version: %s
            """.formatted(version));
  }
}
