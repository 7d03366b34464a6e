package io.apollo.reconciler.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.testing.GitFixture;
import io.apollo.reconciler.testing.GitFixture.Person;
import io.apollo.reconciler.testing.SshSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, {@code --admin-keys}: a change to the Role files that no admin key signed does not govern. Mallory adds
 * herself and her key to sre in an unsigned commit; the hub keeps the roles it accepted, says why on
 * {@code /v1/status}, and refuses her signed merge (her key is no member's); an admin-signed change is accepted.
 */
class AdminKeysHubIT {
  private static final Person ADMIN = new Person("Ada Admin", "ada.admin@example.com");

  @TempDir Path temp;

  @Test
  void anUnsignedRoleChangeDoesNotGovernAndStatusSaysWhy() throws Exception {
    SshSigner alice = SshSigner.make(temp, GitFixture.ALICE, "ed25519");
    SshSigner mallory = SshSigner.make(temp, GitFixture.MALLORY, "ed25519");
    SshSigner admin = SshSigner.make(temp, ADMIN, "ed25519");
    Path adminKeys = Files.writeString(temp.resolve("admin-keys"), "# who may change roles\n" + admin.publicKey()
        + "\n");
    String[] roles = new String[1];
    try (HubHarness h = HubHarness.start(temp, url -> {
      TestRepo repo = TestRepo.open(url);
      roles[0] = repo.files().get("policies/roles.yaml").replace("    - email: alice.nguyen@example.com\n",
          "    - email: alice.nguyen@example.com\n      signingKeys: ['" + alice.publicKey() + "']\n");
      repo.files().put("policies/roles.yaml", roles[0]);
      return repo;
    }, 64 * 1024, Optional.of(adminKeys))) {
      h.reportProduction("1.0.0", "2.0.0");
      String unsigned = h.git.commitAndPush(GitFixture.MALLORY, "Add Mallory to sre", Map.of("policies/roles.yaml",
          roles[0].replace("    - email: bob.okafor@example.com\n", "    - email: bob.okafor@example.com\n"
              + "    - email: mallory@example.com\n      signingKeys: ['" + mallory.publicKey() + "']\n")));
      JsonNode status = HubClient.eventually("the unsigned change on /v1/status", () -> Optional.of(
          h.client.get("/v1/status").body()).filter(s -> s.path("commit").asString().equals(unsigned)));
      assertThat(status.path("problems").values().stream().map(JsonNode::asString).toList()).anySatisfy(p ->
          assertThat(p).contains(unsigned.substring(0, 7)).contains("is not signed").contains("--admin-keys"));

      h.pinProduction(GitFixture.BOB, "1.1.0", "2.0.0");
      JsonNode plan = h.client.awaitOpenPlan("production/web", p -> p.path("git").asString().equals("PROPOSED"));
      String id = plan.path("id").asString();
      h.git.pull();
      mallory.git(h.git.work(), "merge", "-q", "--no-ff", "-S", "-m", "Merge", "origin/apollo/plan/" + id);
      h.git.push();
      JsonNode refused = HubClient.eventually("Mallory's merge refused", () -> Optional.of(h.client.plan(id))
          .filter(p -> p.path("refusedApprovals").size() > 0));
      assertThat(refused.path("state").asString()).isEqualTo("PENDING");
      assertThat(refused.path("refusedApprovals").get(0).path("reason").asString()).isEqualTo("KEY_NOT_OF_MEMBER");

      h.git.pull().write("policies/roles.yaml", roles[0].replace("    - email: bob.okafor@example.com\n",
          "    - email: bob.okafor@example.com\n    - email: carol.diaz@example.com\n"));
      GitFixture.git(h.git.work(), "add", "-A");
      admin.git(h.git.work(), "commit", "-q", "-S", "-m", "Carol joins sre (signed by an admin)");
      String signed = GitFixture.git(h.git.work(), "rev-parse", "HEAD").strip();
      h.git.push();
      JsonNode accepted = HubClient.eventually("the signed change accepted", () -> Optional.of(
          h.client.get("/v1/status").body()).filter(s -> s.path("commit").asString().equals(signed)));
      assertThat(accepted.path("problems").values().stream().map(JsonNode::asString).toList())
          .noneSatisfy(p -> assertThat(p).contains("--admin-keys"));
    }
  }
}
