package io.apollo.spoke.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.spoke.operator.OperatorResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time limits and exit codes with real processes: a stand-in helm script ({@code helm/stand-in/helm}) that hangs or
 * fails as told, run by the real {@link ProcessCommandRunner}. (Helm itself is tested for real in
 * {@link HelmPreflightIT} and {@link HelmMockClusterIT}; a helm that hangs is not something real helm does on cue.)
 */
class HelmTimeLimitIT {
  @TempDir Path dir;
  private Path standIn;

  @BeforeEach
  void installStandIn() throws IOException {
    standIn = dir.resolve("bin/helm");
    Files.createDirectories(standIn.getParent());
    try (InputStream in = getClass().getResourceAsStream("/helm/stand-in/helm")) {
      Files.copy(in, standIn);
    }
    Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwx------"));
  }

  private HelmOperator operator(String mode) {
    CommandRunner real = new ProcessCommandRunner();
    CommandRunner withMode = invocation -> real.run(new CommandRunner.Invocation(invocation.command(),
        merged(invocation.environment(), Map.of("STAND_IN_MODE", mode, "STAND_IN_DIR", dir.toString())),
        invocation.timeout()));
    return new HelmOperator(HelmSettings.of(standIn, dir.resolve("work"))
        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)), withMode);
  }

  @Test
  void aHangingHelmIsStoppedWithEverythingItStartedAndThePlanFails() throws Exception {
    Instant started = Instant.now();
    OperatorResult result = operator("hang").run(Plans.install("1.0.0", Map.of()));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.reason()).isEqualTo("timed_out");
    assertThat(result.message()).contains("helm template timed out after 1s and was stopped");
    long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());
    assertThat(stoppedWithin(child, Duration.ofSeconds(10))).as("the stand-in's child was stopped too").isTrue();
    assertThat(Duration.between(started, Instant.now())).as("not the child's 300 s").isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void aFailingHelmGivesItsFirstErrorLine() throws Exception {
    OperatorResult result = operator("fail").run(Plans.install("1.0.0", Map.of()));

    assertThat(result.reason()).isEqualTo("preflight_failed");
    assertThat(result.message()).endsWith("INSTALLATION FAILED: stand-in says no");
    assertThat(Files.readAllLines(dir.resolve("args"))).hasSize(1).first().asString().startsWith("template ");
  }

  @Test
  void aHelmThatSucceedsRunsTemplateThenInstallWithHelmsHomesMade() throws Exception {
    OperatorResult result = operator("ok").run(Plans.install("1.0.0", Map.of()));

    assertThat(result.succeeded()).as(result.message()).isTrue();
    assertThat(Files.readAllLines(dir.resolve("args"))).extracting(l -> l.split(" ")[0])
        .containsExactly("template", "install");
    assertThat(dir.resolve("work/helm/config")).isDirectory();
  }

  @Test
  void aMissingHelmBinaryIsAFailedPlanNotAnException() {
    HelmOperator missing = new HelmOperator(HelmSettings.of(dir.resolve("no/helm"), dir.resolve("work")));

    OperatorResult result = missing.run(Plans.install("1.0.0", Map.of()));

    assertThat(result.reason()).isEqualTo("helm_not_runnable");
    assertThat(result.message()).contains(dir.resolve("no/helm").toString());
  }

  private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
    var all = new java.util.HashMap<>(a);
    all.putAll(b);
    return all;
  }

  /**
   * Polls until {@code pid} is gone or a zombie (killed, waiting for PID 1 to reap it: in a container that may take
   * a while, and {@link ProcessHandle#isAlive} still says true for it).
   */
  private static boolean stoppedWithin(long pid, Duration limit) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      Path stat = Path.of("/proc/" + pid + "/stat");
      if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) || !Files.exists(stat)) {
        return true;
      }
      String fields = Files.readString(stat);
      if (fields.substring(fields.lastIndexOf(')') + 2).startsWith("Z")) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }
}
