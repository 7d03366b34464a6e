package io.apollo.spoke.operator.helm;

import static io.apollo.spoke.operator.helm.Plans.install;
import static io.apollo.spoke.operator.helm.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.PlanType;
import io.apollo.core.version.Version;
import io.apollo.spoke.operator.OperatorResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping from plans to helm command lines, and from helm's answers to results, with helm stood in for. */
class HelmOperatorTest {
  @TempDir Path work;
  private final FakeHelm helm = new FakeHelm();

  private HelmOperator operator() {
    return new HelmOperator(HelmSettings.of(Path.of("/opt/helm/helm"), work).withNamespace("apps")
        .withTimeouts(Duration.ofMinutes(5), Duration.ofSeconds(20)), helm);
  }

  @Test
  void installRendersFirstThenInstallsWithValuesWaitTimeoutAndANote() throws Exception {
    OperatorResult result = operator().run(install("1.2.0", Map.of("greeting", "hi")));

    assertThat(result.succeeded()).as(result.message()).isTrue();
    assertThat(result.running()).contains(Version.parse("1.2.0"));
    assertThat(helm.subcommands()).containsExactly("template", "install");
    assertThat(helm.args(1)).startsWith("install", "staging-hello", "oci://registry.example/charts/hello",
        "--version", "1.2.0");
    assertThat(String.join(" ", helm.args(1)))
        .contains("--namespace apps --wait --timeout 300s")
        .contains("--description apollo version=1.2.0 config=" + Plans.DIGEST + " plan=pl-install-1.2.0");
    assertThat(helm.valuesSeen()).containsOnly("{\"greeting\":\"hi\"}");
    assertThat(helm.invocations().get(1).timeout()).isEqualTo(Duration.ofMinutes(5).plusSeconds(30));
    assertThat(helm.invocations().getFirst().timeout()).isEqualTo(Duration.ofSeconds(20));
    try (var left = Files.list(work.resolve("helm/values"))) {
      assertThat(left).as("values files are deleted after helm ran").isEmpty();
    }
  }

  @Test
  void everyRunHasItsOwnHelmHomesUnderTheWorkFolder() {
    operator().run(install("1.2.0", Map.of()));

    assertThat(helm.invocations().getFirst().environment())
        .containsEntry("HELM_CONFIG_HOME", work.resolve("helm/config").toString())
        .containsEntry("HELM_CACHE_HOME", work.resolve("helm/cache").toString())
        .containsEntry("HELM_DATA_HOME", work.resolve("helm/data").toString());
  }

  @Test
  void upgradeAndConfigUpdateResetValuesToThePlansConfig() {
    operator().run(plan(PlanType.UPGRADE, "1.2.0", "1.3.0", Map.of("a", 1), "oci://r/hello", "1.3.0"));
    operator().run(plan(PlanType.CONFIG_UPDATE, "1.3.0", "1.3.0", Map.of("a", 2), "oci://r/hello", "1.3.0"));

    assertThat(helm.subcommands()).containsExactly("template", "upgrade", "template", "upgrade");
    assertThat(helm.args(1)).startsWith("upgrade", "staging-hello", "oci://r/hello", "--version", "1.3.0",
        "--reset-values");
    assertThat(helm.args(3)).startsWith("upgrade", "staging-hello", "oci://r/hello", "--version", "1.3.0",
        "--reset-values");
    assertThat(helm.valuesSeen()).containsExactly("{\"a\":1}", "{\"a\":1}", "{\"a\":2}", "{\"a\":2}");
  }

  @Test
  void aChartThatDoesNotRenderFailsThePlanWithHelmsWordsAndChangesNothing() {
    helm.answer("template", CommandRunner.Result.exited(1, "",
        "Error: execution error at (broken/templates/configmap.yaml:6:14): database.url is required\n"));

    OperatorResult result = operator().run(plan(PlanType.UPGRADE, "1.0.0", "1.1.0", Map.of(), "oci://r/b", "1.1.0"));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.reason()).isEqualTo("preflight_failed");
    assertThat(result.message()).endsWith("database.url is required").contains("nothing was changed");
    assertThat(result.running()).contains(Version.parse("1.0.0"));
    assertThat(helm.subcommands()).containsExactly("template");
  }

  @Test
  void helmsFirstErrorLineIsTheMessageWarningsSkipped() {
    helm.answer("upgrade", CommandRunner.Result.exited(1, "", "level=WARN msg=\"upgrade failed\" name=x\n"
        + "Error: UPGRADE FAILED: context deadline exceeded\nmore detail\n"));

    OperatorResult result = operator().run(plan(PlanType.UPGRADE, "1.0.0", "1.1.0", Map.of(), "oci://r/h", "1.1.0"));

    assertThat(result.reason()).isEqualTo("helm_failed");
    assertThat(result.message()).isEqualTo("release staging-hello: UPGRADE FAILED: context deadline exceeded");
  }

  @Test
  void aHelmThatRunsPastItsLimitIsAFailedPlanThatSaysSo() {
    helm.answer("install", CommandRunner.Result.timedOut("", ""));

    OperatorResult result = operator().run(install("1.0.0", Map.of()));

    assertThat(result.reason()).isEqualTo("timed_out");
    assertThat(result.message()).contains("helm install timed out after 5m30s and was stopped");
    assertThat(result.running()).as("a failed install leaves nothing known to run").isEmpty();
  }

  @Test
  void aHelmThatCannotStartSaysWhy() {
    helm.answer("template", CommandRunner.Result.notStarted("cannot start /opt/helm/helm: No such file"));

    OperatorResult result = operator().run(install("1.0.0", Map.of()));

    assertThat(result.reason()).isEqualTo("helm_not_runnable");
    assertThat(result.message()).contains("cannot start /opt/helm/helm");
  }

  @Test
  void secretValuesNeverReachTheMessage() {
    helm.answer("install", CommandRunner.Result.exited(1, "", "Error: bad value hunter2 for db\n"));

    OperatorResult result = operator().run(install("1.0.0", Map.of("db", Map.of("password", "hunter2"))));

    assertThat(result.message()).doesNotContain("hunter2").contains("bad value *** for db");
  }

  @Test
  void rollbackGoesToTheNewestRevisionThatRanTheTarget() {
    helm.answer("history", CommandRunner.Result.exited(0, """
        [{"revision":1,"status":"superseded","description":"apollo version=1.0.0 config=d1 plan=p1"},
         {"revision":2,"status":"superseded","description":"apollo version=1.1.0 config=d2 plan=p2"},
         {"revision":3,"status":"superseded","description":"Rollback to 1"},
         {"revision":4,"status":"failed","description":"apollo version=1.0.0 config=d3 plan=p3"},
         {"revision":5,"status":"deployed","description":"apollo version=1.2.0 config=d4 plan=p4"}]
        """, ""));

    OperatorResult result = operator().run(plan(PlanType.ROLLBACK, "1.2.0", "1.0.0", Map.of(), "oci://r/h", "1.0"));

    assertThat(result.succeeded()).as(result.message()).isTrue();
    assertThat(helm.subcommands()).containsExactly("history", "rollback");
    assertThat(helm.args(1)).startsWith("rollback", "staging-hello", "3", "--namespace", "apps", "--wait");
    assertThat(result.running()).contains(Version.parse("1.0.0"));
  }

  @Test
  void rollbackWithoutARevisionOfTheTargetUpgradesToThePlansChart() {
    helm.answer("history", CommandRunner.Result.exited(0,
        "[{\"revision\":7,\"status\":\"deployed\",\"description\":\"Upgrade complete\"}]", ""));

    OperatorResult result = operator().run(plan(PlanType.ROLLBACK, "1.2.0", "1.0.0", Map.of(), "oci://r/h", "1.0.0"));

    assertThat(result.succeeded()).isTrue();
    assertThat(helm.subcommands()).containsExactly("history", "template", "upgrade");
  }

  @Test
  void uninstallOfAReleaseAlreadyGoneSucceeds() {
    helm.answer("uninstall", CommandRunner.Result.exited(1, "", "Error: uninstall: Release not loaded: "
        + "staging-hello: release: not found\n"));

    OperatorResult result = operator().run(plan(PlanType.UNINSTALL, "1.0.0", null, Map.of(), null, null));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.running()).isEmpty();
    assertThat(helm.args(0)).startsWith("uninstall", "staging-hello", "--namespace", "apps", "--wait");
  }

  @Test
  void aPlanWithoutAChartFailsBeforeHelmRuns() {
    OperatorResult result = operator().run(plan(PlanType.INSTALL, null, "1.0.0", Map.of(), null, null));

    assertThat(result.reason()).isEqualTo("no_chart");
    assertThat(helm.subcommands()).isEmpty();
  }

  @Test
  void registryCredentialsArePassedAndTheFileChartIsALocalPath() {
    HelmOperator withRegistry = new HelmOperator(HelmSettings.of(Path.of("helm"), work)
        .withRegistry(new HelmSettings.RegistryCredentials("robot", "s3cr3t-pw")), helm);
    helm.answer("install", CommandRunner.Result.exited(1, "", "Error: login with s3cr3t-pw refused\n"));

    OperatorResult result = withRegistry.run(plan(PlanType.INSTALL, null, "1.0.0", Map.of(),
        "file:/charts/hello-1.0.0.tgz", "1.0.0"));

    assertThat(helm.args(0)).startsWith("template", "staging-hello", "/charts/hello-1.0.0.tgz", "--namespace")
        .doesNotContain("--version")
        .containsSubsequence("--username", "robot", "--password", "s3cr3t-pw");
    assertThat(result.message()).doesNotContain("s3cr3t-pw");
    assertThat(Optional.of(result.reason())).contains("helm_failed");
  }

  @Test
  void historyThatIsNotJsonFailsTheRollbackWithoutThrowing() {
    helm.answer("history", CommandRunner.Result.exited(0, "not json", ""));

    OperatorResult result = operator().run(plan(PlanType.ROLLBACK, "1.2.0", "1.0.0", Map.of(), "oci://r/h", "1.0"));

    assertThat(result.reason()).isEqualTo("helm_output_unreadable");
    assertThat(result.running()).contains(Version.parse("1.2.0"));
  }
}
