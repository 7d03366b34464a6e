package io.apollo.reconciler.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.testing.GitFixture;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17: a plan file on main edited by hand (its {@code toVersion} changed) is never dispatched, and the hub says
 * so: {@code GET /v1/plans/{id}} and {@code /v1/status} name the reason {@code PLAN_FILE_EDITED}, the path and the
 * field, from the very pass that first governs by the edited commit. Restoring the file clears it.
 */
class PlanFileEditedIT {
  @TempDir Path temp;

  @Test
  void aPlanFileEditedOnMainIsShownOnThePlanAndTheStatusWithinOnePass() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      h.reportProduction("1.0.0", "2.0.0");
      h.pinProduction(GitFixture.BOB, "1.0.0", "2.1.0");
      JsonNode plan = h.client.awaitOpenPlan("production/ledger", p -> p.path("git").asString().equals("PROPOSED"));
      String id = plan.path("id").asString();
      String path = HubHarness.path(plan);
      h.git.mergeNoFf(GitFixture.ALICE, "apollo/plan/" + id);
      HubClient.eventually("alice's merge to count", () -> Optional.of(h.client.plan(id))
          .filter(p -> p.path("approvals").size() == 1));
      assertThat(h.client.plan(id).has("fileEdited")).as("the file as proposed").isFalse();

      h.git.pull().edit(path, "toVersion: 2.1.0", "toVersion: 2.2.0");
      String edited = h.git.commitAll(GitFixture.BOB, "Make the ledger plan 2.2.0");
      h.git.push();
      h.hub.trigger("test");
      // The first published snapshot governed by the edited commit already says so: within one pass.
      JsonNode status = HubClient.eventually("the edited commit to govern", () -> Optional.of(
          h.client.get("/v1/status").body()).filter(s -> s.path("commit").asString().equals(edited)));
      assertThat(status.path("planFileEdits").size()).as(status.toString()).isEqualTo(1);
      JsonNode onStatus = status.path("planFileEdits").get(0);
      assertThat(onStatus.path("reason").asString()).isEqualTo("PLAN_FILE_EDITED");
      assertThat(onStatus.path("planId").asString()).isEqualTo(id);
      assertThat(onStatus.path("path").asString()).isEqualTo(path);
      assertThat(onStatus.path("fields").values().stream().map(JsonNode::asString).toList())
          .containsExactly("/spec/toVersion");
      assertThat(onStatus.path("message").asString()).contains(path).contains("spec.toVersion");

      JsonNode shown = h.client.plan(id);
      assertThat(shown.path("fileEdited").path("reason").asString()).isEqualTo("PLAN_FILE_EDITED");
      assertThat(shown.path("fileEdited").path("path").asString()).isEqualTo(path);
      assertThat(shown.path("fileEdited").path("fields").get(0).asString()).isEqualTo("/spec/toVersion");
      assertThat(shown.path("toVersion").asString()).as("the plan the hub proposed").isEqualTo("2.1.0");
      assertThat(shown.path("state").asString()).isEqualTo("PENDING");

      h.git.pull().edit(path, "toVersion: 2.2.0", "toVersion: 2.1.0");
      String restored = h.git.commitAll(GitFixture.BOB, "Restore the ledger plan");
      h.git.push();
      h.hub.trigger("test");
      JsonNode after = HubClient.eventually("the restored commit to govern", () -> Optional.of(
          h.client.get("/v1/status").body()).filter(s -> s.path("commit").asString().equals(restored)));
      assertThat(after.path("planFileEdits").size()).isZero();
      assertThat(h.client.plan(id).has("fileEdited")).isFalse();
    }
  }
}
