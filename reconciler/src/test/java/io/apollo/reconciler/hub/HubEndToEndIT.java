package io.apollo.reconciler.hub;

import static io.apollo.reconciler.hub.HubHarness.PROD_TOKEN;
import static io.apollo.reconciler.hub.HubHarness.STAGING_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.wire.PlanMessage;
import io.apollo.core.wire.PlanMessageJson;
import io.apollo.reconciler.testing.GitFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The hub end to end (issue 6): a real bare repository driven with the git CLI as people drive it, a real hub on a
 * free loopback port, spokes played by HTTP clients and a {@link TestSpoke} for push mode.
 */
class HubEndToEndIT {
  @TempDir Path temp;

  @Test
  void stagingInstallNeedsNoApprovalIsCommittedToMainPushedAndFollowsReports() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      assertThat(h.report("staging-spoke", STAGING_TOKEN, Reports.of("staging-spoke"))).isEqualTo(202);
      JsonNode plan = h.client.awaitOpenPlan("staging/web", p -> p.path("state").asString().equals("DISPATCHED"));
      String id = plan.path("id").asString();
      assertThat(plan.path("type").asString()).isEqualTo("install");
      assertThat(plan.path("requiredRoles").size()).isZero();
      assertThat(h.git.remoteFile("main", "plans/staging/" + id + ".yaml")).hasValueSatisfying(
          text -> assertThat(text).contains("kind: Plan").contains(id));
      assertThat(h.git.remoteLog("main", "%ae").getFirst()).isEqualTo("hub@apollo.invalid");

      JsonNode pushed = HubClient.eventually("the spoke to get " + id, () -> h.spoke.received().stream()
          .filter(p -> p.path("id").asString().equals(id)).findFirst());
      assertThat(pushed.path("toVersion").asString()).isEqualTo("1.0.0");
      assertThat(pushed.path("productType").asString()).isEqualTo("sls-service");
      assertThat(pushed.path("artifact").path("uri").asString()).endsWith("web-1.0.0.tgz");
      assertThat(pushed.path("config").path("port").asInt()).isEqualTo(8080);
      assertThat(h.spoke.tokens()).first().isEqualTo("Bearer " + STAGING_TOKEN);
      PlanMessage message = PlanMessageJson.read("pushed plan", pushed);
      assertThat(message.id()).as("what the hub pushes is what a spoke reads").isEqualTo(id);
      assertThat(message.toVersion()).map(Object::toString).contains("1.0.0");

      h.report("staging-spoke", STAGING_TOKEN, Reports.of("staging-spoke").entity("staging/web", "com.example:web",
          null, "INSTALLING", "UNKNOWN", id, "RUNNING", null));
      h.client.awaitState(id, "RUNNING");
      h.report("staging-spoke", STAGING_TOKEN, Reports.of("staging-spoke").entity("staging/web", "com.example:web",
          "1.0.0", "RUNNING", "HEALTHY", id, "SUCCEEDED", null));
      JsonNode done = h.client.awaitState(id, "SUCCEEDED");
      assertThat(done.path("history").values().stream().map(e -> e.path("state").asString()).toList())
          .containsExactly("APPROVED", "DISPATCHED", "RUNNING", "SUCCEEDED");

      JsonNode entity = h.client.get("/v1/entities/staging/web").body();
      assertThat(entity.path("state").asString()).isEqualTo("RUNNING");
      assertThat(entity.path("runningVersion").asString()).isEqualTo("1.0.0");
      assertThat(entity.path("explain").path("text").asString()).contains("staging/web");
      assertThat(h.spoke.count(id)).isEqualTo(1);
    }
  }

  @Test
  void productionUpgradeIsProposedOnABranchAndApprovedByAMergeOfAnSreMember() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      h.reportProduction("1.0.0", "2.0.0");
      h.pinProduction(GitFixture.BOB, "1.1.0", "2.0.0");
      JsonNode plan = h.client.awaitOpenPlan("production/web", p -> p.path("git").asString().equals("PROPOSED"));
      String id = plan.path("id").asString();
      assertThat(plan.path("state").asString()).isEqualTo("PENDING");
      assertThat(plan.path("missingRoles").values().stream().map(JsonNode::asString).toList())
          .containsExactly("sre");
      assertThat(h.git.remoteBranches("apollo/plan/")).containsExactly("apollo/plan/" + id);

      h.git.mergeNoFf(GitFixture.ALICE, "apollo/plan/" + id);
      JsonNode dispatched = h.client.awaitState(id, "DISPATCHED");
      assertThat(dispatched.path("approvals").values().stream().map(a -> a.path("by").asString() + " "
          + a.path("role").asString()).toList()).containsExactly("alice.nguyen@example.com sre");
      HubClient.eventually("the merged branch to be deleted", () -> Optional.of(h.git.remoteBranches("apollo/plan/"))
          .filter(List::isEmpty));

      // Poll mode: the plan is in every answer until a report names it.
      for (int i = 0; i < 2; i++) {
        HubClient.Answer poll = h.client.getAs("/v1/spokes/prod-spoke/plans?wait=5s", PROD_TOKEN);
        assertThat(poll.status()).isEqualTo(200);
        assertThat(poll.body().path("plans").values().stream().map(p -> PlanMessageJson.read("polled plan", p).id())
            .toList()).containsExactly(id);
      }
      h.report("prod-spoke", PROD_TOKEN, Reports.of("prod-spoke")
          .entity("production/web", "com.example:web", "1.0.0", "INSTALLING", "UNKNOWN", id, "RUNNING", null)
          .running("production/ledger", "com.example:ledger", "2.0.0"));
      h.client.awaitState(id, "RUNNING");
      assertThat(h.client.getAs("/v1/spokes/prod-spoke/plans?wait=1s", PROD_TOKEN).body().path("plans").size())
          .isZero();
    }
  }

  @Test
  void aCriticalProductNeedsBothRolesAndRefusedApprovalsAreShown() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      h.reportProduction("1.0.0", "2.0.0");
      h.pinProduction(GitFixture.BOB, "1.0.0", "2.1.0");
      JsonNode plan = h.client.awaitOpenPlan("production/ledger", p -> p.path("git").asString().equals("PROPOSED"));
      String id = plan.path("id").asString();
      assertThat(plan.path("requiredRoles").values().stream().map(JsonNode::asString).toList())
          .containsExactly("sre", "vp-engineering");

      // Merged by someone in no role: it stays pending, and the refusal is shown.
      h.git.mergeNoFf(GitFixture.MALLORY, "apollo/plan/" + id);
      JsonNode refused = HubClient.eventually("mallory's merge to be refused", () -> Optional.of(h.client.plan(id))
          .filter(p -> p.path("refusedApprovals").size() > 0));
      assertThat(refused.path("state").asString()).isEqualTo("PENDING");
      assertThat(refused.path("refusedApprovals").get(0).path("by").asString()).isEqualTo("mallory@example.com");

      // An entry whose by is not its commit's author counts for nothing.
      h.git.appendApproval(GitFixture.MALLORY, HubHarness.path(plan), GitFixture.CAROL.email(),
          Optional.of("vp-engineering"));
      JsonNode forged = HubClient.eventually("the forged entry to be refused", () -> Optional.of(h.client.plan(id))
          .filter(p -> p.path("refusedApprovals").size() == 2));
      assertThat(forged.path("refusedApprovals").values().stream().map(a -> a.path("reason").asString()).toList())
          .containsExactlyInAnyOrder("HOLDS_NO_ROLE", "NOT_COMMIT_AUTHOR");
      h.git.approve(GitFixture.ALICE, HubHarness.path(plan), "sre");
      JsonNode half = HubClient.eventually("alice's approval", () -> Optional.of(h.client.plan(id))
          .filter(p -> p.path("approvals").size() == 1));
      assertThat(half.path("state").asString()).isEqualTo("PENDING");
      assertThat(half.path("missingRoles").values().stream().map(JsonNode::asString).toList())
          .containsExactly("vp-engineering");

      h.git.approve(GitFixture.CAROL, HubHarness.path(plan), "vp-engineering");
      JsonNode approved = h.client.awaitState(id, "DISPATCHED");
      assertThat(approved.path("approvals").values().stream().map(a -> a.path("role").asString()).toList())
          .containsExactlyInAnyOrder("sre", "vp-engineering");
    }
  }

  @Test
  void mergingAPlanFileEditedOnItsBranchApprovesNothing() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      h.reportProduction("1.0.0", "2.0.0");
      h.pinProduction(GitFixture.BOB, "1.1.0", "2.0.0");
      JsonNode plan = h.client.awaitOpenPlan("production/web", p -> p.path("git").asString().equals("PROPOSED"));
      String id = plan.path("id").asString();
      String branch = "apollo/plan/" + id;
      // Bob edits the proposed plan on its branch (another version), then Alice merges it.
      h.git.pull();
      GitFixture.BOB.git(h.git.work(), "checkout", "-q", "-b", "edit", "origin/" + branch);
      h.git.edit(HubHarness.path(plan), "toVersion: 1.1.0", "toVersion: 1.2.0");
      GitFixture.BOB.git(h.git.work(), "commit", "-q", "-am", "Make it 1.2.0");
      GitFixture.BOB.git(h.git.work(), "push", "-q", "origin", "HEAD:" + branch);
      GitFixture.BOB.git(h.git.work(), "checkout", "-q", "main");
      h.git.mergeNoFf(GitFixture.ALICE, branch);

      JsonNode refused = HubClient.eventually("the merge to be refused", () -> Optional.of(h.client.plan(id))
          .filter(p -> p.path("refusedApprovals").size() > 0));
      assertThat(refused.path("state").asString()).isEqualTo("PENDING");
      assertThat(refused.path("refusedApprovals").get(0).path("reason").asString()).isEqualTo("PLAN_EDITED");
      assertThat(refused.path("refusedApprovals").get(0).path("message").asString()).contains("/spec/toVersion");
      assertThat(refused.has("proposedFile")).as("the API does not repeat the file").isFalse();
    }
  }

  /**
   * Issue 7, hostile input: a plan file changed by hand on main after a first approval (another version). An approval
   * is judged against the file its own commit left: the first one, given to the plan as proposed, stands; one given
   * to the edited file approves nothing, for good. The hub hands nothing over until every role is met by approvals
   * of the proposed plan, and then exactly the plan it proposed.
   */
  @Test
  void aPlanFileEditedOnMainAfterItsFirstApprovalIsNeverDispatchedAsEdited() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      h.reportProduction("1.0.0", "2.0.0");
      h.pinProduction(GitFixture.BOB, "1.0.0", "2.1.0");
      JsonNode plan = h.client.awaitOpenPlan("production/ledger", p -> p.path("git").asString().equals("PROPOSED"));
      String id = plan.path("id").asString();
      String path = HubHarness.path(plan);
      h.git.mergeNoFf(GitFixture.ALICE, "apollo/plan/" + id);
      HubClient.eventually("alice's merge to count for sre", () -> Optional.of(h.client.plan(id))
          .filter(p -> p.path("approvals").size() == 1));

      // Bob edits the approved file on main to another version; then Carol adds the last role to that file.
      h.git.pull().edit(path, "toVersion: 2.1.0", "toVersion: 2.2.0");
      h.git.commitAll(GitFixture.BOB, "Make the ledger plan 2.2.0");
      h.git.push();
      h.git.approve(GitFixture.CAROL, path, "vp-engineering");

      JsonNode refused = HubClient.eventually("carol's approval to be refused as given to an edit", () -> Optional
          .of(h.client.plan(id)).filter(p -> p.path("refusedApprovals").size() == 1));
      assertThat(refused.path("refusedApprovals").get(0).path("by").asString()).isEqualTo(GitFixture.CAROL.email());
      assertThat(refused.path("refusedApprovals").get(0).path("reason").asString()).isEqualTo("PLAN_EDITED");
      assertThat(refused.path("refusedApprovals").get(0).path("message").asString()).contains("/spec/toVersion");
      assertThat(refused.path("state").asString()).isEqualTo("PENDING");
      assertThat(refused.path("missingRoles").values().stream().map(JsonNode::asString).toList())
          .containsExactly("vp-engineering");
      assertThat(refused.path("approvals").values().stream().map(a -> a.path("by").asString()).toList())
          .as("alice approved the plan as proposed").containsExactly(GitFixture.ALICE.email());
      assertThat(refused.path("toVersion").asString()).as("the API shows what the hub proposed").isEqualTo("2.1.0");
      assertThat(h.client.getAs("/v1/spokes/prod-spoke/plans?wait=1s", PROD_TOKEN).body().path("plans").size())
          .as("nothing is handed to the polling spoke").isZero();

      // Bob restores the file; Carol's approval of the edit still counts for nothing until she approves again.
      h.git.pull().edit(path, "toVersion: 2.2.0", "toVersion: 2.1.0");
      h.git.commitAll(GitFixture.BOB, "Restore the ledger plan");
      h.git.push();
      h.git.approve(GitFixture.CAROL, path, "vp-engineering");
      JsonNode approved = h.client.awaitState(id, "DISPATCHED");
      assertThat(approved.path("approvals").values().stream().map(a -> a.path("role").asString()).toList())
          .containsExactlyInAnyOrder("sre", "vp-engineering");
      List<PlanMessage> polled = h.client.getAs("/v1/spokes/prod-spoke/plans?wait=5s", PROD_TOKEN).body()
          .path("plans").values().stream().map(p -> PlanMessageJson.read("polled plan", p)).toList();
      assertThat(polled).extracting(PlanMessage::id).containsExactly(id);
      assertThat(polled.getFirst().toVersion().map(Object::toString)).contains("2.1.0");
    }
  }

  @Test
  void aChangeOfDesiredStateBeforeApprovalSupersedesThePlanAndRemovesItsBranch() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      h.reportProduction("1.0.0", "2.0.0");
      h.pinProduction(GitFixture.BOB, "1.1.0", "2.0.0");
      String first = h.client.awaitOpenPlan("production/web", p -> p.path("git").asString().equals("PROPOSED"))
          .path("id").asString();
      h.pinProduction(GitFixture.BOB, "1.2.0", "2.0.0");
      JsonNode old = h.client.awaitState(first, "SUPERSEDED");
      assertThat(old.path("history").values().stream().map(e -> e.path("message").asString()).toList().getLast())
          .contains("replaces it");
      JsonNode second = h.client.awaitOpenPlan("production/web", p -> p.path("git").asString().equals("PROPOSED"));
      assertThat(second.path("toVersion").asString()).isEqualTo("1.2.0");
      String branch = "apollo/plan/" + second.path("id").asString();
      HubClient.eventually("the old branch to go", () -> Optional.of(h.git.remoteBranches("apollo/plan/"))
          .filter(List.of(branch)::equals));
    }
  }

  @Test
  void aFailedUpgradeGetsARollbackToTheLastHealthyVersion() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      h.report("staging-spoke", STAGING_TOKEN, Reports.of("staging-spoke")
          .running("staging/web", "com.example:web", "1.0.0"));
      h.git.commitAndPush(GitFixture.BOB, "Staging web to 1.1.0", Map.of("entities/staging.yaml",
          TestRepo.entity("staging", "web", "com.example:web", "1.1.0")));
      String upgrade = h.client.awaitOpenPlan("staging/web", p -> p.path("state").asString().equals("DISPATCHED"))
          .path("id").asString();
      h.report("staging-spoke", STAGING_TOKEN, Reports.of("staging-spoke").entity("staging/web", "com.example:web",
          "1.1.0", "FAILED", "UNHEALTHY", upgrade, "FAILED", "1.0.0"));
      h.client.awaitState(upgrade, "FAILED");
      JsonNode rollback = h.client.awaitOpenPlan("staging/web", p -> p.path("type").asString().equals("rollback"));
      assertThat(rollback.path("toVersion").asString()).isEqualTo("1.0.0");
      assertThat(rollback.path("reason").asString()).isEqualTo("AUTO_ROLLBACK");
      String id = rollback.path("id").asString();
      HubClient.eventually("the spoke to get the rollback", () -> Optional.of(h.spoke.count(id)).filter(n -> n > 0));
    }
  }
}
