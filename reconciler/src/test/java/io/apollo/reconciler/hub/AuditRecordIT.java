package io.apollo.reconciler.hub;

import static io.apollo.reconciler.hub.HubHarness.PROD_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.testing.GitFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17, the audit record: a production plan proposed, approved by two people in two commits, handed to a polling
 * spoke and reported done. {@code GET /v1/plans/{id}/record} names each step with its commit; {@code GET
 * /v1/audit} exports the period, as one document or JSON lines; bad input is a 400 or a 404.
 */
class AuditRecordIT {
  @TempDir Path temp;

  @Test
  void theRecordOfAnApprovedDispatchedSucceededPlanNamesEveryStep() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      Instant started = Instant.now().minusSeconds(1);
      h.reportProduction("1.0.0", "2.0.0");
      h.pinProduction(GitFixture.BOB, "1.0.0", "2.1.0");
      JsonNode plan = h.client.awaitOpenPlan("production/ledger", p -> p.path("git").asString().equals("PROPOSED"));
      String id = plan.path("id").asString();
      String merge = h.git.mergeNoFf(GitFixture.ALICE, "apollo/plan/" + id);
      HubClient.eventually("alice's merge to count", () -> Optional.of(h.client.plan(id))
          .filter(p -> p.path("approvals").size() == 1));
      String carol = h.git.approve(GitFixture.CAROL, HubHarness.path(plan), "vp-engineering");
      h.client.awaitState(id, "DISPATCHED");
      assertThat(h.client.getAs("/v1/spokes/prod-spoke/plans?wait=5s", PROD_TOKEN).body().path("plans").size())
          .isEqualTo(1);
      h.report("prod-spoke", PROD_TOKEN, Reports.of("prod-spoke")
          .running("production/web", "com.example:web", "1.0.0")
          .entity("production/ledger", "com.example:ledger", "2.1.0", "RUNNING", "HEALTHY", id, "SUCCEEDED",
              "2.0.0"));
      h.client.awaitState(id, "SUCCEEDED");

      JsonNode record = h.client.get("/v1/plans/" + id + "/record").body();
      assertThat(record.path("planId").asString()).isEqualTo(id);
      assertThat(record.path("proposed").path("computedFrom").asString()).matches("[0-9a-f]{40}");
      assertThat(record.path("approvals").values().stream().map(a -> a.path("by").asString() + " "
          + a.path("role").asString() + " " + a.path("commit").asString()).toList()).containsExactlyInAnyOrder(
              GitFixture.ALICE.email() + " sre " + merge, GitFixture.CAROL.email() + " vp-engineering " + carol);
      assertThat(record.path("approvals").get(0).has("keyFingerprint")).as("present, null when unsigned").isTrue();
      assertThat(record.path("verdicts").size()).as("the verdict when proposed").isPositive();
      assertThat(record.path("verdicts").get(0).path("violations").isArray()).isTrue();
      assertThat(record.path("history").values().stream().map(e -> e.path("state").asString()).toList())
          .containsSubsequence("PENDING", "APPROVED", "DISPATCHED", "SUCCEEDED");
      assertThat(record.path("dispatches").values().stream().anyMatch(d -> d.path("acknowledged").asBoolean()))
          .isTrue();
      assertThat(record.path("outcome").path("spokeOutcome").asString()).isEqualTo("SUCCEEDED");
      assertThat(record.path("outcome").path("runningVersion").asString()).isEqualTo("2.1.0");
      List<String> steps = record.path("steps").values().stream().map(s -> s.path("step").asString()).toList();
      assertThat(steps).contains("PROPOSED", "VERDICT", "APPROVAL", "STATE", "DISPATCH", "OUTCOME");
      assertThat(steps.getFirst()).isEqualTo("PROPOSED");
      List<String> times = record.path("steps").values().stream().skip(1).map(s -> s.path("at").asString())
          .toList();
      assertThat(times).as("after the proposal, oldest first").isSortedAccordingTo((a, b) -> Instant.parse(a).compareTo(Instant.parse(b)));

      JsonNode audit = h.client.get("/v1/audit?since=" + started).body();
      assertThat(audit.path("records").values().stream().map(r -> r.path("planId").asString()).toList())
          .contains(id);
      String lines = h.client.text("/v1/audit?format=jsonl&since=" + started.toString().substring(0, 10));
      assertThat(lines.lines().map(l -> HubClient.JSON.readTree(l).path("planId").asString()).toList()).contains(id);
      assertThat(h.client.get("/v1/audit?since=" + Instant.now().plusSeconds(3600)).body().path("records").size())
          .as("nothing changed after the period's start").isZero();
      assertThat(h.client.get("/v1/audit").status()).isEqualTo(400);
      HubClient.Answer bad = h.client.get("/v1/audit?since=yesterday");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body().path("message").asString()).contains("since=yesterday");
      assertThat(h.client.get("/v1/plans/pl-0000000000000000/record").status()).isEqualTo(404);
    }
  }
}
