package io.apollo.spoke.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.PlanType;
import io.apollo.spoke.operator.OperatorResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pre-flight with the real helm binaries (4.1 and 3.17, fetched by scripts/fetch-helm) and real charts from
 * {@code src/test/resources/helm/}. The kubeconfig points at a loopback port where nothing listens: a chart that
 * renders gets past {@code helm template} and then fails on the cluster, which shows the pre-flight ran offline and
 * let it through; a chart that does not render fails with helm's own message before any cluster is asked.
 */
class HelmPreflightIT {
  @TempDir Path dir;

  static Stream<Arguments> helms() {
    return Stream.of(Arguments.of("helm 4", HelmBinaries.helm4()), Arguments.of("helm 3", HelmBinaries.helm3()));
  }

  private HelmOperator operator(Path helm) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: none, cluster: {server: "http://127.0.0.1:%d"}}]
        contexts: [{name: none, context: {cluster: none, user: none}}]
        current-context: none
        users: [{name: none, user: {}}]
        """.formatted(closedPort));
    return new HelmOperator(HelmSettings.of(helm, dir.resolve("work")).withKubeconfig(kubeconfig)
        .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(30)));
  }

  static String chart(String name) {
    try {
      return Path.of(HelmPreflightIT.class.getResource("/helm/" + name + "/Chart.yaml").toURI()).getParent()
          .toUri().toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helms")
  void aChartThatDoesNotRenderFailsWithHelmsOwnMessage(String name, Path helm) throws IOException {
    OperatorResult result = operator(helm).run(Plans.plan(PlanType.INSTALL, null, "1.0.0", Map.of(),
        chart("broken"), "1.0.0"));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.reason()).isEqualTo("preflight_failed");
    assertThat(result.message()).contains("nothing was changed").contains("database.url is required");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helms")
  void aChartThatRendersGetsPastThePreflightToTheCluster(String name, Path helm) throws IOException {
    OperatorResult result = operator(helm).run(Plans.plan(PlanType.INSTALL, null, "1.0.0",
        Map.of("greeting", "hi", "database", Map.of("password", "pw-in-values")), chart("hello"), "1.0.0"));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.reason()).as(result.message()).isEqualTo("helm_failed");
    assertThat(result.message()).contains("127.0.0.1").doesNotContain("pw-in-values");
    assertThat(dir.resolve("work/helm/values")).isEmptyDirectory();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helms")
  void aValueTheChartRequiresCanComeFromThePlansConfig(String name, Path helm) throws IOException {
    OperatorResult result = operator(helm).run(Plans.plan(PlanType.INSTALL, null, "1.0.0",
        Map.of("database", Map.of("url", "jdbc:postgresql://db/app")), chart("broken"), "1.0.0"));

    assertThat(result.reason()).as(result.message()).isEqualTo("helm_failed");
  }
}
