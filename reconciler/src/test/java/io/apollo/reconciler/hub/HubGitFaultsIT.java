package io.apollo.reconciler.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.testing.GitFixture;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7, faults 2 and 3 seen from outside: a remote gone away makes the hub degraded, not dead, and it recovers
 * by itself; a force-push is followed and said in {@code /v1/status}; a plan branch a person deletes cancels the
 * proposal, which is not made again. (The clone-level cases, re-clone included, are in {@code GitFaultsIT}.)
 */
class HubGitFaultsIT {
  @TempDir Path temp;

  @Test
  void anUnreachableRemoteIsDegradedNotDeadAndRecoversWithoutAReclone() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      String commit = HubClient.eventually("a first commit", () -> Optional.of(h.client.get("/v1/status").body())
          .filter(s -> s.path("commit").isString())).path("commit").asString();
      GitFixture.Moved away = h.git.moveRemoteAway();
      JsonNode health = HubClient.eventually("/healthz to say degraded", () -> Optional.of(h.client.get("/healthz"))
          .filter(a -> a.status() == 200 && a.body().path("status").asString().equals("degraded"))).body();
      assertThat(health.path("reason").asString()).isEqualTo("fetch_failing");
      assertThat(health.path("message").asString()).contains(commit);
      JsonNode status = h.client.get("/v1/status").body();
      assertThat(status.path("health").asString()).isEqualTo("degraded");
      assertThat(status.path("commit").asString()).as("the last good commit governs").isEqualTo(commit);
      assertThat(status.path("fetchError").asString()).isNotBlank();
      assertThat(h.client.text("/metrics")).contains("apollo_fetch_failing 1.0")
          .contains("apollo_git_fetch_seconds_count{outcome=\"failed\"}");
      assertThat(h.client.get("/v1/entities").body().path("entities").size()).as("still serving").isEqualTo(3);

      away.restore();
      HubClient.eventually("/healthz to say ok again", () -> Optional.of(h.client.get("/healthz").body())
          .filter(b -> b.path("status").asString().equals("ok")));
      assertThat(h.client.get("/v1/status").body().path("gitEvent").isNull()).as("no re-clone").isTrue();
    }
  }

  @Test
  void aForcePushIsFollowedAndSaidAndADeletedPlanBranchCancelsTheProposal() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      h.reportProduction("1.0.0", "2.0.0");
      h.pinProduction(GitFixture.BOB, "1.1.0", "2.0.0");
      JsonNode plan = h.client.awaitOpenPlan("production/web", p -> p.path("git").asString().equals("PROPOSED"));
      String id = plan.path("id").asString();
      assertThat(h.git.remoteBranches("apollo/plan/")).containsExactly("apollo/plan/" + id);

      h.git.deleteRemoteBranch("apollo/plan/" + id);
      JsonNode cancelled = h.client.awaitState(id, "CANCELLED");
      assertThat(cancelled.path("history").values().stream().map(e -> e.path("reason").asString()))
          .contains("BRANCH_DELETED");
      long pass = h.client.get("/v1/status").body().path("pass").asLong();
      HubClient.eventually("three more passes", () -> Optional.of(h.client.get("/v1/status").body())
          .filter(s -> s.path("pass").asLong() >= pass + 3));
      assertThat(h.git.remoteBranches("apollo/plan/")).as("a deleted proposal is not made again").isEmpty();
      assertThat(h.client.plan(id).path("state").asString()).isEqualTo("CANCELLED");

      String rewritten = h.git.forcePush(GitFixture.BOB, 1, Map.of("entities/staging.yaml",
          TestRepo.entity("staging", "web", "com.example:web", "1.2.0")), "Rewrite: staging to 1.2.0");
      JsonNode status = HubClient.eventually("the new head to govern", () -> Optional.of(h.client.get("/v1/status")
          .body()).filter(s -> s.path("commit").asString().equals(rewritten)));
      assertThat(status.path("gitEvent").asString()).contains("rewritten").contains(rewritten);
      assertThat(h.git.remoteHead("main")).as("the old history is never pushed back").contains(
          h.git.remoteLog("main", "%H").getFirst());
      assertThat(h.git.remoteLog("main", "%H")).contains(rewritten);
    }
  }

  @Test
  void aDeletedCloneIsClonedAgainAndPlansAndApprovalsGoOn() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      h.reportProduction("1.0.0", "2.0.0");
      h.pinProduction(GitFixture.BOB, "1.1.0", "2.0.0");
      String id = h.client.awaitOpenPlan("production/web", p -> p.path("git").asString().equals("PROPOSED"))
          .path("id").asString();
      deleteTree(h.dataDir.resolve("repo.git"));
      JsonNode status = HubClient.eventually("the re-clone to show", () -> Optional.of(h.client.get("/v1/status")
          .body()).filter(s -> s.path("gitEvent").asString("").contains("cloned again")));
      assertThat(status.path("health").asString()).isEqualTo("ok");
      assertThat(h.client.plan(id).path("state").asString()).as("the plan is kept").isEqualTo("PENDING");
      h.git.mergeNoFf(GitFixture.ALICE, "apollo/plan/" + id);
      h.client.awaitState(id, "DISPATCHED");
      long pass = h.client.get("/v1/status").body().path("pass").asLong();
      HubClient.eventually("two more passes", () -> Optional.of(h.client.get("/v1/status").body())
          .filter(s -> s.path("pass").asLong() >= pass + 2));
      assertThat(h.git.remoteBranches("apollo/plan/")).as("merged, the branch is deleted and not made again")
          .isEmpty();
    }
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(p);
      }
    }
  }
}
