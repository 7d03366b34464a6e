package io.apollo.reconciler.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.reconciler.testing.GitFixture;
import io.apollo.reconciler.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two hub processes on one PostgreSQL (DESIGN.md section 7): one leads and acts, the other serves reads from the
 * store; {@code kill -9} of the leader hands leadership to the follower within seconds under a newer fencing epoch,
 * and it carries on with the same plan ids, pushing no acknowledged plan again.
 */
class HubLeadershipIT {
  /** Takeover is the lock's release (at once on kill -9) plus the follower's next try (every second). */
  private static final Duration TAKEOVER = Duration.ofSeconds(20);

  @TempDir Path temp;

  @Test
  void onlyTheLeaderActsAndTheFollowerTakesOverWhenItIsKilled() throws Exception {
    try (TestSpoke spoke = new TestSpoke()) {
      TestRepo repo = TestRepo.of(Optional.of(spoke.url()), Optional.of(spoke.url()), TestRepo.ALWAYS_OPEN, "P1D");
      GitFixture git = GitFixture.fromFolder(temp, repo.writeTo(temp.resolve("desired")));
      Path tokens = temp.resolve("spoke-tokens");
      Files.writeString(tokens, "staging-spoke tok-staging\nprod-spoke tok-prod\n");
      String db = TestPostgres.newDatabase();
      Path log = temp.resolve("hubs.log");

      List<HubProcess> hubs = new ArrayList<>();
      try {
        hubs.add(HubProcess.start(log, args(git, tokens, db, "hub-a")));
        hubs.add(HubProcess.start(log, args(git, tokens, db, "hub-b")));
        int leaderIndex = HubClient.eventually("one of two hubs to lead", TAKEOVER,
            () -> leaderAmong(hubs));
        HubProcess leader = hubs.get(leaderIndex);
        HubProcess follower = hubs.get(1 - leaderIndex);
        HubClient toLeader = new HubClient(leader.url());
        HubClient toFollower = new HubClient(follower.url());
        JsonNode followerHealth = toFollower.get("/healthz").body();
        assertThat(followerHealth.path("role").asString()).isEqualTo("follower");
        long firstEpoch = toLeader.get("/v1/status").body().path("leadership").path("epoch").asLong();
        assertThat(firstEpoch).isEqualTo(1);

        // A follower has no desired state to check reports against: it sends spokes to the leader.
        HubClient.Answer refused = toFollower.report("prod-spoke", "tok-prod",
            Reports.of("prod-spoke").running("production/web", "com.example:web", "1.0.0").json());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body().toString()).contains("not_leader", leader.url());
        reportProduction(toLeader);
        git.commitAndPush(GitFixture.BOB, "Production web to 1.1.0", Map.of("entities/production.yaml",
            TestRepo.entity("production", "web", "com.example:web", "1.1.0") + "---\n"
                + TestRepo.entity("production", "ledger", "com.example:ledger", "2.0.0")));
        String web = toLeader.awaitOpenPlan("production/web", p -> p.path("git").asString().equals("PROPOSED"))
            .path("id").asString();
        HubClient.eventually("the follower to serve plan " + web + " from the store", () -> Optional.of(
            toFollower.get("/v1/plans/" + web)).filter(a -> a.status() == 200));
        git.mergeNoFf(GitFixture.ALICE, "apollo/plan/" + web);
        HubClient.eventually("the spoke to take " + web, () -> Optional.of(toLeader.plan(web))
            .filter(p -> p.path("acknowledged").asBoolean()));
        assertThat(git.remoteBranches("apollo/plan/")).as("only the leader proposes (merged branches are deleted)")
            .isSubsetOf("apollo/plan/" + web);
        List<String> idsBefore = ids(toLeader);
        assertThat(ids(toFollower)).isEqualTo(idsBefore);

        leader.kill();
        HubClient.eventually("the follower to take over", TAKEOVER, () -> Optional.of(
            toFollower.get("/healthz").body()).filter(h -> h.path("role").asString().equals("leader")));
        JsonNode leadership = toFollower.get("/v1/status").body().path("leadership");
        assertThat(leadership.path("epoch").asLong()).isEqualTo(firstEpoch + 1);

        // The new leader carries on: the spoke reports to it, the plan finishes, the next change is proposed and
        // dispatched once, with the same plan ids as before and the old plan not pushed again.
        String done = Reports.of("prod-spoke").entity("production/web", "com.example:web", "1.1.0", "RUNNING",
            "HEALTHY", web, "SUCCEEDED", null).running("production/ledger", "com.example:ledger", "2.0.0").json();
        HubClient.eventually("the new leader to take the report", () -> Optional.of(toFollower.report("prod-spoke",
            "tok-prod", done).status()).filter(s -> s == 202));
        toFollower.awaitState(web, "SUCCEEDED");
        git.commitAndPush(GitFixture.BOB, "Production web to 1.2.0", Map.of("entities/production.yaml",
            TestRepo.entity("production", "web", "com.example:web", "1.2.0") + "---\n"
                + TestRepo.entity("production", "ledger", "com.example:ledger", "2.0.0")));
        String next = toFollower.awaitOpenPlan("production/web",
            p -> p.path("git").asString().equals("PROPOSED")).path("id").asString();
        git.mergeNoFf(GitFixture.ALICE, "apollo/plan/" + next);
        HubClient.eventually("the spoke to take " + next, () -> Optional.of(toFollower.plan(next))
            .filter(p -> p.path("acknowledged").asBoolean()));
        assertThat(ids(toFollower)).containsAll(idsBefore);
        assertThat(spoke.count(web)).as("an acknowledged plan is never pushed again").isEqualTo(1);
        assertThat(spoke.count(next)).isEqualTo(1);
        assertThat(git.remoteBranches("apollo/plan/")).as("no branch made twice (merged ones are deleted)")
            .isSubsetOf("apollo/plan/" + web, "apollo/plan/" + next);

        // The killed hub, started again, finds leadership taken and follows.
        HubProcess again = HubProcess.start(log, args(git, tokens, db, leaderIndex == 0 ? "hub-a" : "hub-b"));
        hubs.set(leaderIndex, again);
        JsonNode rejoined = HubClient.eventually("the restarted hub to follow", TAKEOVER, () -> Optional.of(
            new HubClient(again.url()).get("/v1/status").body()).filter(s -> s.path("leadership").path("reason")
            .asString().equals("FOLLOWER")));
        assertThat(rejoined.path("role").asString()).isEqualTo("follower");
        assertThat(rejoined.path("leadership").path("message").asString()).contains("epoch " + (firstEpoch + 1));
      } finally {
        for (HubProcess hub : hubs) {
          hub.close();
        }
      }
    }
  }

  @Test
  void onSqliteASecondHubOnTheSameDataDirRefusesToStart() throws Exception {
    GitFixture git = GitFixture.fromFolder(temp, TestRepo.of(Optional.empty(), Optional.empty(),
        TestRepo.ALWAYS_OPEN, "P1D").writeTo(temp.resolve("desired")));
    Path tokens = temp.resolve("spoke-tokens");
    Files.writeString(tokens, "staging-spoke tok-staging\nprod-spoke tok-prod\n");
    List<String> args = List.of("--repo", git.remote().toString(), "--data-dir", temp.resolve("hub").toString(),
        "--spoke-tokens", tokens.toString(), "--port", "0");
    Path log = temp.resolve("second.log");
    try (HubProcess first = HubProcess.start(temp.resolve("first.log"), args)) {
      assertThat(new HubClient(first.url()).get("/healthz").body().path("leadership").path("store").asString())
          .isEqualTo("sqlite");
      assertThatThrownBy(() -> HubProcess.start(log, args).close()).hasMessageContaining("exited before listening");
      assertThat(Files.readString(log)).contains("another hub is using --data-dir " + temp.resolve("hub"));
    }
  }

  private List<String> args(GitFixture git, Path tokens, String db, String name) {
    return List.of("--repo", git.remote().toString(), "--data-dir", temp.resolve(name).toString(),
        "--spoke-tokens", tokens.toString(), "--port", "0", "--poll-interval", "1s", "--db", db);
  }

  /** The index of the one hub that says it leads, once exactly one does (never two). */
  private static Optional<Integer> leaderAmong(List<HubProcess> hubs) {
    List<Integer> leading = new ArrayList<>();
    for (int i = 0; i < hubs.size(); i++) {
      if (new HubClient(hubs.get(i).url()).get("/healthz").body().path("role").asString().equals("leader")) {
        leading.add(i);
      }
    }
    assertThat(leading).as("hubs leading at once").hasSizeLessThanOrEqualTo(1);
    return leading.stream().findFirst();
  }

  private static void reportProduction(HubClient client) {
    String json = Reports.of("prod-spoke").running("production/web", "com.example:web", "1.0.0")
        .running("production/ledger", "com.example:ledger", "2.0.0").json();
    HubClient.eventually("the hub to take the report", () -> Optional.of(client.report("prod-spoke", "tok-prod",
        json).status()).filter(s -> s == 202));
  }

  private static List<String> ids(HubClient client) {
    return client.get("/v1/plans").body().path("plans").values().stream().map(p -> p.path("id").asString())
        .sorted().toList();
  }
}
