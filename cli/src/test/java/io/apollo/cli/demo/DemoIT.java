package io.apollo.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-to-end test: {@code scripts/demo --ci} as a person runs it, so the whole seed flow runs with the built jar
 * as real processes (one hub, a pushed staging spoke, a polling production spoke), a real bare git repository, real
 * SLS services and a real maintenance window: staging install, production install held to its window and approved
 * by a merge, a staged rollout (beta in staging, promoted to stable, production inside its window), a bad release
 * that fails its health check and is rolled back automatically, and its recall.
 *
 * <p>The script judges every step on the hub's API while it runs; this test checks its exit code, that every step
 * was reached, and the hub's own last answers ({@code GET /v1/entities} and {@code /v1/plans}, saved by the script
 * through {@code APOLLO_DEMO_SAVE}), and that nothing the demo started is left running.
 */
class DemoIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path temp;

  @Test
  void theSeedFlowRunsEndToEndAndLeavesNothingRunning() throws Exception {
    Path save = temp.resolve("save");
    Path output = temp.resolve("demo.out");
    ProcessBuilder builder = new ProcessBuilder(ProjectFiles.root().resolve("scripts/demo").toString(), "--ci")
        .redirectErrorStream(true).redirectOutput(output.toFile());
    Map<String, String> env = builder.environment();
    env.put("TMPDIR", temp.toString()); // the demo's work folder lands here: its processes are findable by path
    env.put("APOLLO_DEMO_SAVE", save.toString());
    env.put("NO_COLOR", "1");
    Process demo = builder.start();
    ProductionUpgradeRecord record = ProductionUpgradeRecord.watch(output);
    boolean finished;
    try {
      finished = demo.waitFor(10, TimeUnit.MINUTES); // about 3 on an idle 2-core machine; each step has its own limit
    } finally {
      if (demo.isAlive()) {
        demo.destroy(); // SIGTERM: the script's trap stops what it started
        demo.waitFor(60, TimeUnit.SECONDS);
        demo.destroyForcibly();
      }
    }
    String text = Files.readString(output);
    assertThat(finished).as("scripts/demo --ci finished in time:\n" + text).isTrue();
    assertThat(demo.exitValue()).as(text).isZero();
    assertThat(text)
        .contains("staging/hello-service is RUNNING 1.0.0")
        .contains("BLOCKED: outside maintenance window 'demo-window'")
        .contains("production/hello-service is RUNNING 1.0.0")
        .contains("it bakes in staging first: waits for staging/hello-service to bake 1.1.0")
        .contains("production/hello-service is RUNNING 1.1.0")
        .contains("waiting for its canary")
        .contains("FAILED: 1.2.0 never passed its health check")
        .contains("the hub halted the rollout: it committed holds/hello-service-1.2.0")
        .contains("the hub's automatic rollback")
        .contains("recalled: 1.2.0 is never a target again")
        .contains("every step reached its expected state")
        .contains("nothing left running");

    JsonNode entities = JSON.readTree(save.resolve("entities.json").toFile()).path("entities");
    JsonNode staging = entity(entities, "staging/hello-service");
    assertThat(staging.path("state").asString()).isEqualTo("RUNNING");
    assertThat(staging.path("runningVersion").asString()).isEqualTo("1.1.0");
    assertThat(staging.path("health").asString()).isEqualTo("HEALTHY");
    JsonNode production = entity(entities, "production/hello-service");
    assertThat(production.path("state").asString()).isEqualTo("RUNNING");
    assertThat(production.path("runningVersion").asString()).isEqualTo("1.1.0");

    JsonNode plans = JSON.readTree(save.resolve("plans.json").toFile()).path("plans");
    assertThat(plan(plans, "staging/hello-service", "upgrade", "1.2.0").path("state").asString()).isEqualTo("FAILED");
    assertThat(plan(plans, "staging/hello-service", "rollback", "1.1.0").path("state").asString())
        .isEqualTo("SUCCEEDED");
    JsonNode install = plan(plans, "production/hello-service", "install", "1.0.0");
    assertThat(install.path("state").asString()).isEqualTo("SUCCEEDED");
    assertThat(install.path("approvals").toString()).contains("alice.nguyen@example.com").contains("sre");
    assertThat(install.path("branch").asString()).startsWith("apollo/plan/");
    JsonNode upgrade = plan(plans, "production/hello-service", "upgrade", "1.1.0");
    assertThat(upgrade.path("state").asString()).isEqualTo("SUCCEEDED");
    assertThat(upgrade.path("approvals").toString()).contains("bob.okafor@example.com");
    // Issue 16: staging is production's canary; its failure on 1.2.0 halted the rollout before production got it.
    assertThat(plans.valueStream().filter(p -> p.path("toVersion").asString().equals("1.2.0")
        && p.path("entity").asString().startsWith("production/")).map(p -> p.path("state").asString()))
        .as("production's plans to 1.2.0: superseded by the halt, never dispatched").containsOnly("SUPERSEDED");

    assertThat(processesUnder(temp)).as("processes the demo left running").isEmpty();

    // Issue 17: the audit record of the production upgrade, read from the demo's hub while it ran.
    record.assertNamesEveryStep(upgrade.path("id").asString());
  }

  private static JsonNode entity(JsonNode entities, String id) {
    return entities.valueStream().filter(e -> e.path("id").asString().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no entity " + id + " in " + entities));
  }

  private static JsonNode plan(JsonNode plans, String entity, String type, String to) {
    return plans.valueStream()
        .filter(p -> p.path("entity").asString().equals(entity) && p.path("type").asString().equals(type)
            && p.path("toVersion").asString().equals(to))
        .findFirst().orElseThrow(() -> new AssertionError("no " + type + " of " + entity + " to " + to + " in " + plans));
  }

  /** Processes whose command line names the test's temp folder: the hub, spokes or services of this run. */
  private static List<String> processesUnder(Path folder) throws IOException {
    List<String> found = new ArrayList<>();
    ProcessHandle.allProcesses().forEach(p -> p.info().commandLine()
        .filter(cmd -> cmd.contains(folder.toString()))
        .ifPresent(cmd -> found.add(p.pid() + " " + cmd)));
    return found;
  }
}
