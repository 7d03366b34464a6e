package io.apollo.reconciler.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A hub killed with {@code kill -9} and started again resumes from its store (DESIGN.md section 7): same plan ids,
 * the approval given while it was down is taken, and the plan is dispatched once, not again after another restart.
 */
class HubRestartIT {
  @TempDir Path temp;

  @Test
  void aHubKilledBetweenApprovalAndDispatchDispatchesOnceAndKeepsItsPlanIds() throws Exception {
    try (TestSpoke spoke = new TestSpoke()) {
      TestRepo repo = TestRepo.of(Optional.of(spoke.url()), Optional.of(spoke.url()), TestRepo.ALWAYS_OPEN, "P1D");
      GitFixture git = GitFixture.fromFolder(temp, repo.writeTo(temp.resolve("desired")));
      Path tokens = temp.resolve("spoke-tokens");
      Files.writeString(tokens, "staging-spoke tok-staging\nprod-spoke tok-prod\n");
      List<String> args = List.of("--repo", git.remote().toString(), "--data-dir", temp.resolve("hub").toString(),
          "--spoke-tokens", tokens.toString(), "--port", "0", "--poll-interval", "1s");
      Path log = temp.resolve("hub.log");

      String id;
      List<String> idsBefore;
      try (HubProcess first = HubProcess.start(log, args)) {
        HubClient client = new HubClient(first.url());
        reportProduction(client);
        git.commitAndPush(GitFixture.BOB, "Production web to 1.1.0", Map.of("entities/production.yaml",
            TestRepo.entity("production", "web", "com.example:web", "1.1.0") + "---\n"
                + TestRepo.entity("production", "ledger", "com.example:ledger", "2.0.0")));
        id = client.awaitOpenPlan("production/web", p -> p.path("git").asString().equals("PROPOSED"))
            .path("id").asString();
        idsBefore = ids(client);
        first.kill();
      }
      git.mergeNoFf(GitFixture.ALICE, "apollo/plan/" + id);

      try (HubProcess second = HubProcess.start(log, args)) {
        HubClient client = new HubClient(second.url());
        HubClient.eventually("the spoke to take " + id, () -> Optional.of(client.plan(id))
            .filter(p -> p.path("acknowledged").asBoolean()));
        assertThat(ids(client)).isEqualTo(idsBefore);
        assertThat(spoke.count(id)).isEqualTo(1);
        second.kill();
      }

      try (HubProcess third = HubProcess.start(log, args)) {
        HubClient client = new HubClient(third.url());
        long start = status(client).path("pass").asLong();
        HubClient.eventually("two passes after the restart", () -> Optional.of(status(client))
            .filter(s -> s.path("pass").asLong() >= start + 2));
        assertThat(spoke.count(id)).as("an acknowledged plan is never pushed again").isEqualTo(1);
        assertThat(client.plan(id).path("state").asString()).isEqualTo("DISPATCHED");
        assertThat(ids(client)).isEqualTo(idsBefore);
        assertThat(git.remoteBranches("apollo/plan/")).as("merged, its branch is deleted and never made again")
            .isEmpty();
      }
    }
  }

  private static void reportProduction(HubClient client) {
    String json = Reports.of("prod-spoke").running("production/web", "com.example:web", "1.0.0")
        .running("production/ledger", "com.example:ledger", "2.0.0").json();
    HubClient.eventually("the hub to take the report", () -> Optional.of(client.report("prod-spoke", "tok-prod",
        json).status()).filter(s -> s == 202));
  }

  private static JsonNode status(HubClient client) {
    return client.get("/v1/status").body();
  }

  private static List<String> ids(HubClient client) {
    return client.get("/v1/plans").body().path("plans").values().stream().map(p -> p.path("id").asString())
        .sorted().toList();
  }
}
