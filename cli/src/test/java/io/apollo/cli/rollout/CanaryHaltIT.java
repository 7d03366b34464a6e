package io.apollo.cli.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.GitFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, "done when": a real hub and a real polling spoke running the sample SLS service. production/hello-canary
 * is the canary of production (bake 15 s). A bad release (its health check fails) reaches the canary only: its
 * upgrade fails, the hub commits a ReleaseHold to main, the canary is rolled back automatically, the rest of
 * production never gets the release; the hold is still in force after a restart of the hub; lifting it with
 * {@code apollo release unhold} lets a fixed release through, canary first. The halt is told once, as a signed
 * {@code rollout.halted} webhook (issue 17), and not again after the restart.
 */
class CanaryHaltIT {
  private static final String CANARY = "production/hello-canary";
  private static final String SERVICE = "production/hello-service";
  private static final String HOLD = "holds/hello-service-1.1.0-production.yaml";

  @TempDir Path temp;

  @Test
  void aFailedCanaryHaltsTheRolloutAndTheHoldSticksUntilLifted() throws Exception {
    try (HaltReceiver receiver = new HaltReceiver();
        RolloutFleet fleet = RolloutFleet.start(temp, seed(receiver.url()), "production")) {
      fleet.await("the spoke to report", "/v1/spokes", r -> r.path("spokes").valueStream()
          .allMatch(s -> s.has("lastReportAt") && !s.path("lastReportAt").isNull()));
      Path good = fleet.dist("1.0.0");
      Path bad = fleet.dist("1.1.0", "--unhealthy");
      Path fixed = fleet.dist("1.2.0");

      fleet.publish(good, "stable");
      fleet.awaitRunning(CANARY, "1.0.0");
      fleet.awaitRunning(SERVICE, "1.0.0");

      // The bad release: only the canary is planned to it, and its upgrade fails its health check.
      fleet.publish(bad, "stable");
      JsonNode upgrade = fleet.awaitPlan("the canary's upgrade", CANARY,
          p -> p.path("toVersion").asString().equals("1.1.0") && p.path("type").asString().equals("upgrade"));
      fleet.await("the canary's upgrade to fail", "/v1/plans/" + upgrade.path("id").asString(),
          p -> p.path("state").asString().equals("FAILED"));

      // The hub halts the rollout: a hold in git, naming the canary and why.
      String hold = awaitHoldOnMain(fleet);
      HaltReceiver.Received told = awaitHaltTold(receiver);
      assertThat(told.signed()).as("X-Apollo-Signature verifies").isTrue();
      assertThat(told.body()).contains("\"entity\":\"" + CANARY + "\"").contains("CANARY_FAILED");
      assertThat(hold).contains("kind: ReleaseHold").contains("version: 1.1.0").contains("environments: [production]")
          .contains("canary: production/hello-canary").contains("failed on 1.1.0");
      assertThat(GitFixture.git(fleet.git().origin(), "log", "-1", "--format=%ae %s", "main", "--", HOLD))
          .startsWith("hub@apollo.invalid Apollo: halt the rollout of com.example:hello-service 1.1.0");

      // The canary is rolled back automatically; the rest of production never gets 1.1.0.
      fleet.awaitRunning(CANARY, "1.0.0");
      fleet.awaitPlan("the canary's rollback", CANARY, p -> p.path("type").asString().equals("rollback")
          && p.path("toVersion").asString().equals("1.0.0") && p.path("state").asString().equals("SUCCEEDED"));
      JsonNode service = fleet.await("production's explain to name the hold", "/v1/entities/" + SERVICE,
          e -> e.path("explain").path("text").asString().contains("1.1.0 is held in production"));
      assertThat(service.path("runningVersion").asString()).isEqualTo("1.0.0");
      assertNeverReceived(fleet, SERVICE, "1.1.0");

      // The hold sticks: a restarted hub still holds 1.1.0 and writes no second hold.
      fleet.restartHub();
      fleet.await("the restarted hub to explain the hold", "/v1/entities/" + SERVICE,
          e -> e.path("explain").path("text").asString().contains("1.1.0 is held in production"));
      assertThat(GitFixture.git(fleet.git().origin(), "log", "--format=%s", "main", "--", "holds/").lines()
          .toList()).hasSize(1);
      assertNeverReceived(fleet, SERVICE, "1.1.0");

      // A fixed 1.2.0, and the hold lifted: the canary takes it first, the rest after its bake.
      assertThat(receiver.of("rollout.halted").stream().map(HaltReceiver.Received::delivery).distinct())
          .as("the halt is told once, across the restart").containsExactly(told.delivery());
      fleet.publish(fixed, "stable");
      assertThat(fleet.apollo("release", "unhold", "com.example:hello-service:1.1.0"))
          .contains("Lift the hold on com.example:hello-service:1.1.0");
      fleet.awaitRunning(CANARY, "1.2.0");
      fleet.awaitRunning(SERVICE, "1.2.0");
      assertNeverReceived(fleet, SERVICE, "1.1.0");
      assertThat(GitFixture.git(fleet.git().origin(), "ls-tree", "-r", "--name-only", "main"))
          .doesNotContain("holds/");
    }
  }

  private static String awaitHoldOnMain(RolloutFleet fleet) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      Optional<String> text = Optional.of(GitFixture.git(fleet.git().origin(), "ls-tree", "-r", "--name-only",
          "main")).filter(files -> files.contains(HOLD)).map(files -> fleet.git().originFile("main", HOLD));
      if (text.isPresent()) {
        return text.get();
      }
      Thread.sleep(200); // polling the bare repository for the hub's commit, with a deadline
    }
    throw new AssertionError("the hub never committed " + HOLD);
  }

  /**
   * No plan took {@code entity} to {@code version}: a plan to it may exist, held BLOCKED by the canary's gate and
   * then superseded, but none was ever approved, dispatched, or acknowledged by the spoke.
   */
  private static HaltReceiver.Received awaitHaltTold(HaltReceiver receiver) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (receiver.of("rollout.halted").isEmpty()) {
      assertThat(Instant.now()).as("a rollout.halted notification within 60 s").isBefore(deadline);
      Thread.sleep(200);
    }
    return receiver.of("rollout.halted").get(0);
  }

  private static void assertNeverReceived(RolloutFleet fleet, String entity, String version) {
    List<JsonNode> plans = fleet.get("/v1/plans?entity=" + entity).orElseThrow().path("plans").valueStream()
        .filter(p -> p.path("toVersion").asString().equals(version)).toList();
    assertThat(plans).as(entity + "'s plans to " + version).allSatisfy(p -> {
      assertThat(p.path("state").asString()).isIn("BLOCKED", "SUPERSEDED");
      assertThat(p.path("acknowledged").asBoolean()).isFalse();
      assertThat(fleet.get("/v1/plans/" + p.path("id").asString()).orElseThrow().path("history").valueStream()
          .map(e -> e.path("state").asString())).doesNotContain("APPROVED", "DISPATCHED", "RUNNING");
    });
  }

  private Path seed(String hook) {
    Path seed = temp.resolve("seed");
    GitFixture.write(seed.resolve("notifications.yaml"), """
        apiVersion: apollo/v1
        kind: Notification
        metadata:
          name: rollout-halts
        spec:
          events: [rollout.halted]
          webhook:
            url: %s
            secretRef: rollout-hook
        """.formatted(hook));
    GitFixture.write(seed.resolve("fleet.yaml"), """
        apiVersion: apollo/v1
        kind: Product
        metadata:
          name: com.example:hello-service
        spec:
          displayName: Hello Service
          type: sls-service
        ---
        apiVersion: apollo/v1
        kind: Environment
        metadata:
          name: production
        spec:
          spokes:
            - name: production-spoke
        """);
    GitFixture.write(seed.resolve("entities/production.yaml"), """
        apiVersion: apollo/v1
        kind: Entity
        metadata:
          name: hello-canary
        spec:
          product: com.example:hello-service
          environment: production
          channel: stable
          canary:
            of: production
            bake: PT15S
        ---
        apiVersion: apollo/v1
        kind: Entity
        metadata:
          name: hello-service
        spec:
          product: com.example:hello-service
          environment: production
          channel: stable
        """);
    return seed;
  }
}
