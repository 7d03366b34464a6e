package io.apollo.spoke.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.report.Health;
import io.apollo.core.version.Version;
import io.apollo.spoke.operator.Observation;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@code observe} makes of {@code helm status}: health, version and config digest. */
class HelmObserveTest {
  @TempDir Path work;
  private final FakeHelm helm = new FakeHelm();

  private Observation observe() {
    return new HelmOperator(HelmSettings.of(Path.of("helm"), work), helm).observe(Plans.ENTITY);
  }

  private static String status(int revision, String status, String description) {
    return """
        {"name":"staging-hello","version":%d,"info":{"status":"%s","description":"%s"},
         "chart":{"metadata":{"name":"hello","version":"0.3.0","appVersion":"9.9.9"}}}
        """.formatted(revision, status, description);
  }

  static Stream<Arguments> healthOfStatus() {
    return Stream.of(
        Arguments.of("deployed: helm waited for it", "deployed", Health.HEALTHY),
        Arguments.of("failed", "failed", Health.UNHEALTHY),
        Arguments.of("install under way", "pending-install", Health.UNKNOWN),
        Arguments.of("upgrade under way", "pending-upgrade", Health.UNKNOWN),
        Arguments.of("rollback under way", "pending-rollback", Health.UNKNOWN),
        Arguments.of("being removed", "uninstalling", Health.UNKNOWN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void healthOfStatus(String name, String status, Health health) {
    helm.answer("status", CommandRunner.Result.exited(0,
        status(2, status, "apollo version=1.1.0 config=sha256:abc plan=p2"), ""));

    Observation seen = observe();

    assertThat(seen.health()).isEqualTo(health);
    assertThat(seen.version()).contains(Version.parse("1.1.0"));
    assertThat(seen.configDigest()).contains("sha256:abc");
    assertThat(seen.message()).contains("revision 2 is " + status);
  }

  @Test
  void aRollbackRunsTheVersionOfTheRevisionItRestored() {
    helm.answer("status", CommandRunner.Result.exited(0, status(3, "deployed", "Rollback to 1"), ""));
    helm.answer("history", CommandRunner.Result.exited(0, """
        [{"revision":1,"status":"superseded","description":"apollo version=1.0.0 config=d1 plan=p1"},
         {"revision":2,"status":"superseded","description":"apollo version=1.1.0 config=d2 plan=p2"},
         {"revision":3,"status":"deployed","description":"Rollback to 1"}]""", ""));

    Observation seen = observe();

    assertThat(seen.version()).contains(Version.parse("1.0.0"));
    assertThat(seen.configDigest()).contains("d1");
  }

  @Test
  void aReleaseApolloDidNotWriteReportsTheChartsAppVersion() {
    helm.answer("status", CommandRunner.Result.exited(0, status(1, "deployed", "Install complete"), ""));

    assertThat(observe().version()).contains(Version.parse("9.9.9"));
    assertThat(observe().configDigest()).isEmpty();
  }

  @Test
  void noReleaseIsNothingInstalled() {
    helm.answer("status", CommandRunner.Result.exited(1, "", "Error: release: not found\n"));

    assertThat(observe()).isEqualTo(Observation.nothingInstalled());
  }

  @Test
  void anUnreachableClusterIsUnknownWithHelmsWords() {
    helm.answer("status", CommandRunner.Result.exited(1, "",
        "Error: Kubernetes cluster unreachable: connection refused\n"));

    Observation seen = observe();

    assertThat(seen.health()).isEqualTo(Health.UNKNOWN);
    assertThat(seen.message()).contains("Kubernetes cluster unreachable");
  }
}
