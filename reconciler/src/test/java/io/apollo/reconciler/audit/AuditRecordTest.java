package io.apollo.reconciler.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.EntityId;
import io.apollo.core.plan.PlanState;
import io.apollo.core.report.ReportedState;
import io.apollo.core.report.SpokeReportJson;
import io.apollo.reconciler.hub.Reports;
import io.apollo.reconciler.store.DispatchAttempt;
import io.apollo.reconciler.store.GitPlace;
import io.apollo.reconciler.store.PlanEvent;
import io.apollo.reconciler.store.PlanVerdict;
import io.apollo.reconciler.store.StoredApproval;
import io.apollo.reconciler.store.StoredPlan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Issue 17: the audit record's parts and the order of its steps. */
class AuditRecordTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00.400Z");
  private static final EntityId WEB = EntityId.parse("production/web");

  @Test
  void namesEveryStepProposalFirstThenOldestFirst() {
    StoredPlan plan = new StoredPlan("pl-1", WEB, "prod-spoke", PlanState.SUCCEEDED, GitPlace.ON_MAIN,
        "{\"type\":\"upgrade\",\"fromVersion\":\"1.0.0\",\"toVersion\":\"1.1.0\",\"computedFrom\":\"c0ffee\","
            + "\"branch\":\"apollo/plan/pl-1\"}", T0, T0.plusSeconds(60));
    // The merge's time is git's, to the second: it reads earlier than the plan it approves.
    StoredApproval merge = new StoredApproval("pl-1", "abc123", "alice@example.com", Optional.of("sre"), "MERGE",
        Instant.parse("2026-12-01T10:00:00Z"), Optional.empty(), Optional.empty());
    StoredApproval refused = new StoredApproval("pl-1", "def456", "mallory@example.com", Optional.empty(), "ENTRY",
        T0.plusSeconds(5), Optional.of("holds no role"), Optional.of("HOLDS_NO_ROLE"));
    StoredApproval signed = new StoredApproval("pl-1", "0ff1ce", "bob@example.com", Optional.of("vp-engineering"),
        "ENTRY", T0.plusSeconds(6), Optional.empty(), Optional.empty(),
        Optional.of("SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8"));
    List<PlanEvent> history = List.of(new PlanEvent("pl-1", T0, PlanState.PENDING, "NEEDS_APPROVAL", "waits"),
        new PlanEvent("pl-1", T0.plusSeconds(10), PlanState.APPROVED, "APPROVED", "approved"),
        new PlanEvent("pl-1", T0.plusSeconds(11), PlanState.DISPATCHED, "DISPATCHED", "handed"),
        new PlanEvent("pl-1", T0.plusSeconds(40), PlanState.SUCCEEDED, "SUCCEEDED", "done"));
    List<PlanVerdict> verdicts = List.of(new PlanVerdict("pl-1", T0, "[{\"constraint\":\"window\","
        + "\"kind\":\"maintenanceWindow\",\"message\":\"closed\"}]"), new PlanVerdict("pl-1", T0.plusSeconds(8), "[]"));
    List<DispatchAttempt> dispatches = List.of(new DispatchAttempt("pl-1", "prod-spoke", T0.plusSeconds(20), true,
        "a report of the spoke names it"));
    ReportedState reported = ReportedState.of(SpokeReportJson.read("r", Reports.of("prod-spoke")
        .entity("production/web", "com.example:web", "1.1.0", "RUNNING", "HEALTHY", "pl-1", "SUCCEEDED", "1.0.0")
        .json().getBytes(StandardCharsets.UTF_8)));

    ObjectNode record = AuditRecord.of(new AuditRecord.Inputs(plan, history, List.of(merge, refused, signed), verdicts,
        dispatches, reported.get(WEB), Optional.of(T0.plusSeconds(39))));

    List<String> steps = record.path("steps").values().stream().map(s -> s.path("step").asString()).toList();
    assertThat(steps).containsExactly("PROPOSED", "APPROVAL", "VERDICT", "STATE", "APPROVAL", "APPROVAL", "VERDICT",
        "STATE", "STATE", "DISPATCH", "OUTCOME", "STATE");
    assertThat(record.path("proposed").path("computedFrom").asString()).isEqualTo("c0ffee");
    JsonNode first = record.path("approvals").get(0);
    assertThat(first.path("commit").asString()).isEqualTo("abc123");
    assertThat(first.has("keyFingerprint") && first.path("keyFingerprint").isNull()).as("unsigned").isTrue();
    assertThat(record.path("approvals").get(1).path("refusalReason").asString()).isEqualTo("HOLDS_NO_ROLE");
    assertThat(record.path("approvals").get(2).path("keyFingerprint").asString())
        .isEqualTo("SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8");
    assertThat(record.path("steps").get(5).path("summary").asString())
        .endsWith("signed by key SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8");
    assertThat(record.path("verdicts").get(1).path("violations").size()).isZero();
    assertThat(record.path("outcome").path("spokeOutcome").asString()).isEqualTo("SUCCEEDED");
    assertThat(record.path("steps").get(2).path("summary").asString()).contains("window (maintenanceWindow)");
  }

  @Test
  void aReportNamingAnotherPlanIsNoOutcomeOfThisOne() {
    StoredPlan plan = new StoredPlan("pl-2", WEB, "prod-spoke", PlanState.DISPATCHED, GitPlace.ON_MAIN, "{}", T0, T0);
    ReportedState reported = ReportedState.of(SpokeReportJson.read("r", Reports.of("prod-spoke")
        .entity("production/web", "com.example:web", "1.1.0", "RUNNING", "HEALTHY", "pl-1", "SUCCEEDED", "1.0.0")
        .json().getBytes(StandardCharsets.UTF_8)));

    ObjectNode record = AuditRecord.of(new AuditRecord.Inputs(plan, List.of(), List.of(), List.of(), List.of(),
        reported.get(WEB), Optional.of(T0)));

    assertThat(record.path("outcome").path("spokeOutcome").isNull()).isTrue();
    assertThat(record.path("steps").values().stream().map(s -> s.path("step").asString()).toList())
        .containsExactly("PROPOSED");
  }
}
