package io.apollo.reconciler.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7, faults 1: a busy hub killed with {@code kill -9} at random points (a seeded schedule: during a pass,
 * between proposing and pushing, between approval and dispatch, while a push is in flight), 20 times over, loses
 * nothing and does nothing twice. Spokes report, desired state changes, people merge plan branches while it lives.
 */
class HubKillIT {
  private static final long SEED = 7_2026L;
  private static final int CYCLES = Integer.getInteger("apollo.hubkill.cycles", 20);
  private static final List<String> WEB = List.of("1.0.0", "1.1.0", "1.2.0");

  @TempDir Path temp;

  /** What the test saw of a plan before a kill: it must be there, unchanged, afterwards. */
  private record Seen(String entity, String type, String toVersion) {}

  @Test
  void twentyKillsAtRandomPointsLoseNothingAndDoNothingTwice() throws Exception {
    Random random = new Random(SEED);
    try (TestSpoke spoke = new TestSpoke()) {
      TestRepo repo = TestRepo.of(Optional.of(spoke.url()), Optional.of(spoke.url()), TestRepo.ALWAYS_OPEN, "P1D");
      GitFixture git = GitFixture.fromFolder(temp, repo.writeTo(temp.resolve("desired")));
      Path tokens = temp.resolve("spoke-tokens");
      Files.writeString(tokens, "staging-spoke tok-staging\nprod-spoke tok-prod\n");
      Path data = temp.resolve("hub");
      List<String> args = List.of("--repo", git.remote().toString(), "--data-dir", data.toString(),
          "--spoke-tokens", tokens.toString(), "--port", "0", "--poll-interval", "500ms");
      Path log = temp.resolve("hub.log");

      Map<String, Seen> seen = new LinkedHashMap<>();
      Map<String, Long> pushesWhenAcknowledged = new HashMap<>();
      Set<String> merged = new HashSet<>();
      for (int cycle = 0; cycle < CYCLES; cycle++) {
        long t0 = System.nanoTime();
        try (HubProcess hub = HubProcess.start(log, args)) {
          long t1 = System.nanoTime();
          HubClient client = new HubClient(hub.url());
          report(client, spoke);
          System.err.printf("cycle %d: start %d ms, report %d ms%n", cycle, (t1 - t0) / 1_000_000,
              (System.nanoTime() - t1) / 1_000_000);
          switch (random.nextInt(3)) {
            case 0 -> pin(git, "staging", WEB.get(random.nextInt(WEB.size())));
            case 1 -> pin(git, "production", WEB.get(random.nextInt(WEB.size())));
            default -> mergeOne(git, random, merged);
          }
          Thread.sleep(random.nextInt(1_500)); // where in the hub's work the kill lands: the seeded schedule
          observe(client, seen, pushesWhenAcknowledged, spoke);
          Thread.sleep(random.nextInt(400));
          hub.kill();
        }
      }

      try (HubProcess last = HubProcess.start(log, args)) {
        HubClient client = new HubClient(last.url());
        report(client, spoke);
        long start = client.get("/v1/status").body().path("pass").asLong();
        HubClient.eventually("three passes after the last restart", () -> Optional.of(client.get("/v1/status")
            .body()).filter(s -> s.path("pass").asLong() >= start + 3));
        Map<String, JsonNode> plans = new HashMap<>();
        client.get("/v1/plans").body().path("plans").values().forEach(p -> plans.put(p.path("id").asString(), p));

        assertThat(seen).as("plans were proposed and dispatched during the run").isNotEmpty();
        seen.forEach((id, before) -> {
          assertThat(plans).as("plan %s is not lost", id).containsKey(id);
          JsonNode now = plans.get(id);
          assertThat(new Seen(now.path("entity").asString(), now.path("type").asString(),
              now.path("toVersion").asString())).as("plan %s is the same plan", id).isEqualTo(before);
        });
        for (String branch : git.remoteBranches("apollo/plan/")) {
          assertThat(plans).as("branch %s belongs to a plan of the store", branch)
              .containsKey(branch.substring("apollo/plan/".length()));
        }
        pushesWhenAcknowledged.forEach((id, pushes) -> assertThat(spoke.count(id))
            .as("plan %s, acknowledged after %d pushes, is never pushed again", id, pushes).isEqualTo(pushes));
        for (String id : merged) {
          JsonNode plan = client.plan(id);
          assertThat(plan.path("state").asString()).as("merged plan %s is not forgotten", id)
              .isNotIn("PENDING", "BLOCKED");
          assertThat(plan.path("approvals").size()).as("approval of %s kept", id).isPositive();
        }
        last.kill();
      }
      StoreIntegrity.check(data.resolve("hub.db"));
    }
  }

  /** Each spoke reports what the test spoke was last handed for each entity, as a spoke that ran it would. */
  private static void report(HubClient client, TestSpoke spoke) {
    Map<String, JsonNode> latest = new LinkedHashMap<>();
    spoke.received().forEach(p -> latest.put(p.path("entity").asString(), p));
    Reports staging = Reports.of("staging-spoke");
    Reports production = Reports.of("prod-spoke");
    running(staging, "staging/web", "com.example:web", "1.0.0", latest);
    running(production, "production/web", "com.example:web", "1.0.0", latest);
    running(production, "production/ledger", "com.example:ledger", "2.0.0", latest);
    for (var r : List.of(Map.entry("staging-spoke", staging), Map.entry("prod-spoke", production))) {
      String token = r.getKey().equals("prod-spoke") ? "tok-prod" : "tok-staging";
      String json = r.getValue().json();
      HubClient.eventually("the hub to take a report of " + r.getKey(), () -> Optional.of(client.report(
          r.getKey(), token, json).status()).filter(s -> s == 202));
    }
  }

  private static void running(Reports report, String entity, String product, String initial,
      Map<String, JsonNode> latest) {
    JsonNode plan = latest.get(entity);
    if (plan == null) {
      report.running(entity, product, initial);
    } else {
      report.entity(entity, product, plan.path("toVersion").asString(), "RUNNING", "HEALTHY",
          plan.path("id").asString(), "SUCCEEDED", plan.path("toVersion").asString());
    }
  }

  private static void observe(HubClient client, Map<String, Seen> seen, Map<String, Long> acknowledged,
      TestSpoke spoke) {
    for (JsonNode p : client.get("/v1/plans").body().path("plans").values()) {
      String id = p.path("id").asString();
      seen.putIfAbsent(id, new Seen(p.path("entity").asString(), p.path("type").asString(),
          p.path("toVersion").asString()));
      if (p.path("acknowledged").asBoolean() && !acknowledged.containsKey(id)) {
        acknowledged.put(id, spoke.count(id));
      }
    }
  }

  private static void pin(GitFixture git, String environment, String version) {
    String file = "entities/" + environment + ".yaml";
    String text = environment.equals("staging")
        ? TestRepo.entity("staging", "web", "com.example:web", version)
        : TestRepo.entity("production", "web", "com.example:web", version) + "---\n"
            + TestRepo.entity("production", "ledger", "com.example:ledger", "2.0.0");
    retried(() -> git.commitAndPush(GitFixture.BOB, "Pin " + environment + " web " + version, Map.of(file, text)));
  }

  /** Alice (sre) merges one plan branch that is still open, if there is one. */
  private static void mergeOne(GitFixture git, Random random, Set<String> merged) {
    List<String> open = new ArrayList<>(git.remoteBranches("apollo/plan/"));
    open.removeIf(b -> merged.contains(b.substring("apollo/plan/".length())));
    if (open.isEmpty()) {
      return;
    }
    String branch = open.get(random.nextInt(open.size()));
    retried(() -> git.mergeNoFf(GitFixture.ALICE, branch));
    merged.add(branch.substring("apollo/plan/".length()));
  }

  /** A person's push loses a race with the hub's now and then: they pull and push again. */
  private static void retried(Runnable push) {
    for (int attempt = 1; ; attempt++) {
      try {
        push.run();
        return;
      } catch (RuntimeException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  /** {@code PRAGMA integrity_check} and the store's invariants, read with plain SQL after the last kill. */
  static final class StoreIntegrity {
    private StoreIntegrity() {}

    static void check(Path db) throws Exception {
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
        try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
          r.next();
          assertThat(r.getString(1)).isEqualTo("ok");
        }
        try (ResultSet r = s.executeQuery("SELECT entity, COUNT(*) FROM plans WHERE state IN ('DISPATCHED',"
            + " 'RUNNING') GROUP BY entity HAVING COUNT(*) > 1")) {
          assertThat(r.next()).as("at most one plan in flight per entity").isFalse();
        }
        try (ResultSet r = s.executeQuery("SELECT p.id, p.state, (SELECT h.state FROM plan_history h WHERE"
            + " h.plan_id = p.id ORDER BY h.seq DESC LIMIT 1) FROM plans p")) {
          while (r.next()) {
            assertThat(r.getString(3)).as("the history of plan %s ends in its state", r.getString(1))
                .isEqualTo(r.getString(2));
          }
        }
        try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM plan_history h WHERE NOT EXISTS (SELECT 1 FROM"
            + " plans p WHERE p.id = h.plan_id)")) {
          r.next();
          assertThat(r.getInt(1)).as("history rows of no plan").isZero();
        }
      }
    }
  }
}
