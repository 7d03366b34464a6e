package io.apollo.reconciler.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.testing.GitFixture;
import io.apollo.reconciler.testing.SshSigner;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 through the running hub: once a member lists a key, an unsigned merge with her email is shown refused
 * ({@code UNSIGNED}) on {@code GET /v1/plans/{id}} and the plan stays pending; her signed approval commit then
 * approves it, the plan is dispatched, and the approval names her key's fingerprint.
 */
class SignedApprovalsHubIT {
  @TempDir Path temp;

  @Test
  void anUnsignedMergeIsRefusedAndASignedApprovalDispatchesThePlan() throws Exception {
    SshSigner alice = SshSigner.make(temp, GitFixture.ALICE, "ed25519");
    try (HubHarness h = HubHarness.start(temp, url -> {
      TestRepo repo = TestRepo.open(url);
      repo.files().put("policies/roles.yaml", repo.files().get("policies/roles.yaml").replace(
          "    - email: alice.nguyen@example.com\n",
          "    - email: alice.nguyen@example.com\n      signingKeys: ['" + alice.publicKey() + "']\n"));
      return repo;
    })) {
      h.reportProduction("1.0.0", "2.0.0");
      h.pinProduction(GitFixture.BOB, "1.1.0", "2.0.0");
      JsonNode plan = h.client.awaitOpenPlan("production/web", p -> p.path("git").asString().equals("PROPOSED"));
      String id = plan.path("id").asString();
      assertThat(plan.path("proposalCommit").asString()).hasSize(40);

      String merge = h.git.mergeNoFf(GitFixture.ALICE, "apollo/plan/" + id);
      JsonNode refused = HubClient.eventually("the unsigned merge to be refused", () -> Optional.of(h.client.plan(id))
          .filter(p -> p.path("refusedApprovals").size() > 0));
      assertThat(refused.path("state").asString()).isEqualTo("PENDING");
      assertThat(refused.path("approvals").size()).isZero();
      assertThat(refused.path("refusedApprovals").get(0).path("reason").asString()).isEqualTo("UNSIGNED");
      assertThat(refused.path("refusedApprovals").get(0).path("commit").asString()).isEqualTo(merge);

      String path = HubHarness.path(plan);
      h.git.pull().writeApproval(path, GitFixture.ALICE.email(), Optional.of("sre"));
      GitFixture.git(h.git.work(), "add", "-A");
      alice.git(h.git.work(), "commit", "-q", "-S", "-m", "Approve " + id + " for sre, signed");
      h.git.push();

      JsonNode dispatched = h.client.awaitState(id, "DISPATCHED");
      assertThat(dispatched.path("approvals")).singleElement().satisfies(a -> {
        assertThat(a.path("by").asString()).isEqualTo(GitFixture.ALICE.email());
        assertThat(a.path("role").asString()).isEqualTo("sre");
        assertThat(a.path("keyFingerprint").asString()).isEqualTo(alice.fingerprint());
      });
    }
  }
}
