package io.apollo.spoke.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.PlanType;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.ProductType;
import io.apollo.core.report.Health;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.spoke.operator.Observation;
import io.apollo.spoke.operator.OperatorResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator end to end with the real helm 3.17 binary against a Kubernetes API: fabric8's
 * {@code kubernetes-server-mock} 8.0.0 in CRUD mode behind the adapter {@link KubernetesApiForHelm} (its javadoc
 * lists what the mock alone lacks for helm). Charts are real: {@code helm/hello} packaged by helm itself as versions
 * 1.0.0 and 1.1.0. helm 4.1 does not run against the mock (server-side apply and watch-based waiting; see
 * {@link KubernetesApiForHelm}), so its pre-flight alone is tested ({@link HelmPreflightIT}).
 */
class HelmMockClusterIT {
  private static final String CONFIG_MAP = "/api/v1/namespaces/default/configmaps/staging-hello-settings";

  @TempDir Path dir;
  private KubernetesApiForHelm api;
  private HelmOperator operator;
  private Path helm;

  @BeforeEach
  void start() throws Exception {
    helm = HelmBinaries.helm3();
    api = KubernetesApiForHelm.start(dir);
    operator = new HelmOperator(HelmSettings.of(helm, dir.resolve("work")).withKubeconfig(api.kubeconfig())
        .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30))
        .withExtraDeployArgs(List.of("--disable-openapi-validation")));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void installReconfigureUpgradeRefuseBrokenRollBackAndUninstall() throws Exception {
    String chart100 = packaged("1.0.0");
    String chart110 = packaged("1.1.0");

    // install 1.0.0
    succeeded(operator.run(plan("p1", PlanType.INSTALL, null, "1.0.0", "sha256:d1", Map.of("greeting", "hi"),
        chart100)));
    assertThat(api.get(CONFIG_MAP)).contains("\"greeting\":\"hi\"").contains("\"app.kubernetes.io/version\":\"1.0.0\"");
    assertObserved("1.0.0", "sha256:d1");

    // config_update: same chart, new values only (the old greeting does not linger)
    succeeded(operator.run(plan("p2", PlanType.CONFIG_UPDATE, "1.0.0", "1.0.0", "sha256:d2",
        Map.of("replicas", 3), chart100)));
    assertThat(api.get(CONFIG_MAP)).contains("\"greeting\":\"hello\"").contains("\"replicas\":\"3\"");
    assertObserved("1.0.0", "sha256:d2");

    // upgrade to 1.1.0
    succeeded(operator.run(plan("p3", PlanType.UPGRADE, "1.0.0", "1.1.0", "sha256:d3", Map.of("greeting", "hey"),
        chart110)));
    assertThat(api.get(CONFIG_MAP)).contains("\"app.kubernetes.io/version\":\"1.1.0\"");
    assertObserved("1.1.0", "sha256:d3");

    // a chart that does not render changes nothing
    OperatorResult broken = operator.run(plan("p4", PlanType.UPGRADE, "1.1.0", "1.2.0", "sha256:d4", Map.of(),
        HelmPreflightIT.chart("broken")));
    assertThat(broken.reason()).isEqualTo("preflight_failed");
    assertThat(broken.message()).contains("database.url is required");
    assertObserved("1.1.0", "sha256:d3");

    // rollback to 1.0.0: helm rollback to the newest revision that ran it (revision 2, the config update)
    OperatorResult back = operator.run(plan("p5", PlanType.ROLLBACK, "1.1.0", "1.0.0", "sha256:d2",
        Map.of("replicas", 3), chart100));
    succeeded(back);
    assertThat(back.message()).contains("revision 2");
    assertThat(api.get(CONFIG_MAP)).contains("\"app.kubernetes.io/version\":\"1.0.0\"").contains("\"replicas\":\"3\"");
    assertObserved("1.0.0", "sha256:d2");

    // uninstall, twice: the second finds nothing and still succeeds
    succeeded(operator.run(plan("p6", PlanType.UNINSTALL, "1.0.0", null, "sha256:d2", Map.of(), null)));
    assertThat(api.get(CONFIG_MAP)).isEqualTo("404");
    assertThat(operator.observe(Plans.ENTITY)).isEqualTo(Observation.nothingInstalled());
    succeeded(operator.run(plan("p7", PlanType.UNINSTALL, "1.0.0", null, "sha256:d2", Map.of(), null)));
  }

  @Test
  void installingOverAnExistingReleaseFailsWithHelmsMessage() throws Exception {
    String chart100 = packaged("1.0.0");
    succeeded(operator.run(plan("p1", PlanType.INSTALL, null, "1.0.0", "sha256:d1", Map.of(), chart100)));

    OperatorResult again = operator.run(plan("p2", PlanType.INSTALL, null, "1.0.0", "sha256:d1", Map.of(), chart100));

    assertThat(again.reason()).isEqualTo("helm_failed");
    assertThat(again.message()).contains("cannot re-use a name that is still in use");
  }

  private void assertObserved(String version, String digest) {
    Observation seen = operator.observe(Plans.ENTITY);
    assertThat(seen.health()).as(seen.message()).isEqualTo(Health.HEALTHY);
    assertThat(seen.version()).contains(Version.parse(version));
    assertThat(seen.configDigest()).contains(digest);
  }

  private static void succeeded(OperatorResult result) {
    assertThat(result.succeeded()).as(result.reason() + ": " + result.message()).isTrue();
  }

  /** The hello chart packaged by real helm as {@code version} (chart and app version), as a file: URI. */
  private String packaged(String version) throws Exception {
    Path out = Files.createDirectories(dir.resolve("charts"));
    CommandRunner.Result result = new ProcessCommandRunner().run(new CommandRunner.Invocation(List.of(
        helm.toString(), "package", Path.of(HelmPreflightIT.chart("hello").substring("file:".length())).toString(),
        "--version", version, "--app-version", version, "--destination", out.toString()),
        Map.of("HELM_CONFIG_HOME", dir.resolve("pkg").toString(), "HELM_CACHE_HOME", dir.resolve("pkg").toString(),
            "HELM_DATA_HOME", dir.resolve("pkg").toString()), Duration.ofSeconds(30)));
    assertThat(result.succeeded()).as(result.stderr()).isTrue();
    return out.resolve("hello-" + version + ".tgz").toUri().toString();
  }

  private static PlanMessage plan(String id, PlanType type, String from, String to, String digest,
      Map<String, Object> config, String chartUri) {
    return new PlanMessage(id, Plans.ENTITY, ProductId.parse("com.example:hello"), "staging-spoke",
        ProductType.HELM_CHART, type, Optional.ofNullable(from).map(Version::parse),
        Optional.ofNullable(to).map(Version::parse), digest, config, chartUri == null ? Optional.empty()
            : Optional.of(new PlanMessage.WireArtifact(chartUri, Optional.empty(), Optional.empty())));
  }
}
