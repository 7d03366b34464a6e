package io.apollo.cli.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, "done when": a real hub and real polling spokes running the sample SLS service. Production follows
 * stable behind a promotion gate (30 s of health in staging): 1.1.0 bakes in staging while production's upgrade
 * waits BLOCKED with {@code unblocksAt} at the bake's end, the forecast draws the bake, a restart of the hub in the
 * middle of the bake keeps the bake's start (the health history is in the store), and production then upgrades.
 */
class PromotionBakeIT {
  private static final String STAGING = "staging/hello-service";
  private static final String PRODUCTION = "production/hello-service";

  @TempDir Path temp;

  @Test
  void productionTakesAReleaseOnlyAfterItBakedInStagingAndTheBakeSurvivesAHubRestart() throws Exception {
    try (RolloutFleet fleet = RolloutFleet.start(temp, seed(), "staging", "production")) {
      fleet.await("both spokes to report", "/v1/spokes", r -> r.path("spokes").valueStream()
          .allMatch(s -> !s.path("lastReportAt").isNull() && s.has("lastReportAt")));
      Path v100 = fleet.dist("1.0.0");
      Path v110 = fleet.dist("1.1.0");

      // 1.0.0 lands in staging at once, and in production once it baked there (installs are gated too).
      fleet.publish(v100, "stable");
      fleet.awaitRunning(STAGING, "1.0.0");
      fleet.awaitRunning(PRODUCTION, "1.0.0");

      // 1.1.0: staging upgrades; production's upgrade waits for the bake, and says until when.
      fleet.publish(v110, "stable");
      JsonNode blocked = fleet.awaitPlan("production's upgrade held for the bake", PRODUCTION, p ->
          p.path("toVersion").asString().equals("1.1.0") && p.path("state").asString().equals("BLOCKED")
              && !p.path("unblocksAt").isNull());
      JsonNode bake = blocked.path("violations").valueStream()
          .filter(v -> v.path("kind").asString().equals("promotion")).findFirst().orElseThrow();
      assertThat(bake.path("constraint").asString()).isEqualTo("bake-in-staging");
      assertThat(bake.path("message").asString()).contains("waits for staging/hello-service to bake 1.1.0");
      Instant bakeEnds = Instant.parse(bake.path("unblocksAt").asString());
      assertThat(blocked.path("unblocksAt").asString()).isEqualTo(bakeEnds.toString());
      assertThat(fleet.awaitRunning(STAGING, "1.1.0")).isNotNull();

      // The forecast places the upgrade at the bake's end and draws the bake on production's calendar.
      JsonNode forecast = fleet.await("the forecast", "/v1/forecast", f -> true);
      assertThat(forecast.path("plans").valueStream().filter(l -> l.path("id").asString()
          .equals(blocked.path("id").asString())).findFirst().orElseThrow().path("reason").asString())
          .isEqualTo("AFTER_BAKE");
      assertThat(forecast.path("environments").valueStream()
          .filter(e -> e.path("name").asString().equals("production"))
          .flatMap(e -> e.path("bands").valueStream())
          .anyMatch(b -> b.path("kind").asString().equals("BAKE")
              && Instant.parse(b.path("end").asString()).equals(bakeEnds))).isTrue();

      // A restart in the middle of the bake: the new hub counts from the same start, so the end does not move.
      assertThat(Instant.now()).as("still inside the bake").isBefore(bakeEnds);
      fleet.restartHub();
      Instant restarted = Instant.now();
      JsonNode explained = fleet.await("the restarted hub to explain production", "/v1/entities/" + PRODUCTION,
          e -> e.path("explain").path("text").asString().contains("bake-in-staging (promotion)")
              || e.path("runningVersion").asString().equals("1.1.0"));
      if (Instant.now().isBefore(bakeEnds)) {
        assertThat(explained.path("explain").path("text").asString()).contains("done at " + bakeEnds);
      }
      assertThat(restarted.plusSeconds(30)).as("a forgotten bake would end only now + 30 s").isAfter(bakeEnds);

      // Once the bake is done, production upgrades, never before the bake's end.
      fleet.awaitRunning(PRODUCTION, "1.1.0");
      JsonNode upgrade = fleet.await("the upgrade's history", "/v1/plans/" + blocked.path("id").asString(),
          p -> p.path("state").asString().equals("SUCCEEDED"));
      Instant dispatched = upgrade.path("history").valueStream()
          .filter(e -> e.path("state").asString().equals("DISPATCHED"))
          .map(e -> Instant.parse(e.path("at").asString())).findFirst().orElseThrow();
      assertThat(dispatched).isAfterOrEqualTo(bakeEnds);
      assertThat(dispatched).as("dispatched at the bake's end, not a restart's bake later")
          .isBefore(restarted.plusSeconds(30));
    }
  }

  private Path seed() throws java.io.IOException {
    Path seed = temp.resolve("seed");
    GitFixture.write(seed.resolve("products/hello-service.yaml"), """
        apiVersion: apollo/v1
        kind: Product
        metadata:
          name: com.example:hello-service
        spec:
          displayName: Hello Service
          type: sls-service
        """);
    for (String environment : new String[] {"staging", "production"}) {
      GitFixture.write(seed.resolve("environments/" + environment + ".yaml"), """
          apiVersion: apollo/v1
          kind: Environment
          metadata:
            name: %s
          spec:
            spokes:
              - name: %s
          """.formatted(environment, RolloutFleet.spoke(environment)));
      GitFixture.write(seed.resolve("entities/" + environment + ".yaml"), """
          apiVersion: apollo/v1
          kind: Entity
          metadata:
            name: hello-service
          spec:
            product: com.example:hello-service
            environment: %s
            channel: stable
          """.formatted(environment));
    }
    GitFixture.write(seed.resolve("constraints/bake-in-staging.yaml"), """
        apiVersion: apollo/v1
        kind: Constraint
        metadata:
          name: bake-in-staging
        spec:
          selector:
            environments: [production]
          promotion:
            from:
              environments: [staging]
            bake: PT30S
        """);
    return seed;
  }
}
