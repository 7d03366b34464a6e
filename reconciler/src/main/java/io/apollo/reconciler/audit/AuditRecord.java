package io.apollo.reconciler.audit;

import io.apollo.core.report.EntityReport;
import io.apollo.reconciler.store.DispatchAttempt;
import io.apollo.reconciler.store.PlanEvent;
import io.apollo.reconciler.store.PlanVerdict;
import io.apollo.reconciler.store.StoredApproval;
import io.apollo.reconciler.store.StoredPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One plan's audit record ({@code GET /v1/plans/{id}/record}, {@code apollo plan record}, a line of
 * {@code apollo audit --output jsonl}). Pure: built from what the store holds and the spoke's latest report.
 */
public final class AuditRecord {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Everything the record is made of. {@code reported} is the spoke's latest report of the plan's entity. */
  public record Inputs(StoredPlan plan, List<PlanEvent> history, List<StoredApproval> approvals,
      List<PlanVerdict> verdicts, List<DispatchAttempt> dispatches, Optional<EntityReport> reported,
      Optional<Instant> reportedAt) {
    public Inputs {
      Objects.requireNonNull(plan, "plan");
      history = List.copyOf(history);
      approvals = List.copyOf(approvals);
      verdicts = List.copyOf(verdicts);
      dispatches = List.copyOf(dispatches);
      Objects.requireNonNull(reported, "reported");
      Objects.requireNonNull(reportedAt, "reportedAt");
    }
  }

  private AuditRecord() {}

  public static ObjectNode of(Inputs in) {
    StoredPlan plan = in.plan();
    JsonNode body = JSON.readTree(plan.body());
    ObjectNode out = JSON.createObjectNode();
    out.put("planId", plan.id());
    out.put("entity", plan.entity().toString());
    out.put("spoke", plan.spoke());
    for (String field : List.of("type", "product", "fromVersion", "toVersion", "path", "branch")) {
      out.set(field, body.path(field).isMissingNode() ? null : body.get(field));
    }
    out.put("state", plan.state().name());
    List<Step> steps = new ArrayList<>();

    ObjectNode proposed = out.putObject("proposed");
    proposed.put("at", plan.createdAt().toString());
    proposed.put("by", "apollo hub");
    proposed.set("computedFrom", body.path("computedFrom").isMissingNode() ? null : body.get("computedFrom"));
    in.history().stream().findFirst().ifPresent(first -> {
      proposed.put("reason", first.reason());
      proposed.put("message", first.message());
    });
    steps.add(new Step(plan.createdAt(), AuditStep.PROPOSED, "made from commit "
        + body.path("computedFrom").asString("?") + (body.path("branch").isString()
            ? ", proposed on branch " + body.path("branch").asString() : ", committed to the governed branch")));

    ArrayNode approvals = out.putArray("approvals");
    for (StoredApproval a : in.approvals()) {
      ObjectNode o = approvals.addObject();
      o.put("by", a.by());
      o.put("role", a.role().orElse(null));
      o.put("kind", a.kind().toLowerCase(java.util.Locale.ROOT));
      o.put("commit", a.commit());
      o.put("at", a.at().toString());
      o.put("keyFingerprint", keyFingerprint(a).orElse(null));
      o.put("accepted", a.accepted());
      o.put("refusalReason", a.refusalReason().orElse(null));
      o.put("refusal", a.refusal().orElse(null));
      steps.add(new Step(a.at(), AuditStep.APPROVAL, a.by() + (a.accepted() ? " approved as "
          + a.role().orElse("?") : " refused (" + a.refusalReason().orElse("?") + ")") + " in commit " + a.commit()
          + keyFingerprint(a).map(k -> ", signed by key " + k).orElse("")));
    }

    ArrayNode verdicts = out.putArray("verdicts");
    for (PlanVerdict v : in.verdicts()) {
      ObjectNode o = verdicts.addObject();
      o.put("at", v.at().toString());
      JsonNode violations = JSON.readTree(v.violations());
      o.set("violations", violations);
      steps.add(new Step(v.at(), AuditStep.VERDICT, violations.isEmpty() ? "every constraint holds"
          : violations.size() + " violation(s): " + constraints(violations)));
    }

    ArrayNode history = out.putArray("history");
    for (PlanEvent e : in.history()) {
      history.addObject().put("at", e.at().toString()).put("state", e.state().name()).put("reason", e.reason())
          .put("message", e.message());
      steps.add(new Step(e.at(), AuditStep.STATE, e.state().name() + " (" + e.reason() + "): " + e.message()));
    }

    ArrayNode dispatches = out.putArray("dispatches");
    for (DispatchAttempt d : in.dispatches()) {
      dispatches.addObject().put("at", d.at().toString()).put("spoke", d.spoke())
          .put("acknowledged", d.acknowledged()).put("detail", d.detail());
      steps.add(new Step(d.at(), AuditStep.DISPATCH, "to spoke " + d.spoke() + ": "
          + (d.acknowledged() ? "acknowledged" : "not taken") + " (" + d.detail() + ")"));
    }

    ObjectNode outcome = out.putObject("outcome");
    Optional<EntityReport> named = in.reported().filter(r -> r.lastPlanId().map(plan.id()::equals).orElse(false));
    outcome.put("state", plan.state().name());
    outcome.put("spokeOutcome", named.flatMap(EntityReport::lastPlanOutcome).map(Enum::name).orElse(null));
    outcome.put("runningVersion", named.flatMap(EntityReport::version).map(Object::toString).orElse(null));
    outcome.put("health", named.map(r -> r.health().name()).orElse(null));
    outcome.put("reportedAt", named.flatMap(r -> in.reportedAt()).map(Object::toString).orElse(null));
    named.flatMap(EntityReport::lastPlanOutcome).ifPresent(result -> steps.add(new Step(
        in.reportedAt().orElse(plan.updatedAt()), AuditStep.OUTCOME, "spoke " + plan.spoke() + " reported "
            + result.name() + named.flatMap(EntityReport::version).map(v -> ", running " + v).orElse(""))));

    // The proposal first (the story begins there; an approval's time is its commit's, which git keeps to the
    // second and may read earlier), then the rest oldest first.
    ArrayNode list = out.putArray("steps");
    steps.stream().sorted(Comparator.comparing((Step s) -> s.kind() != AuditStep.PROPOSED)
            .thenComparing(Step::at).thenComparing(s -> s.kind().ordinal()))
        .forEach(s -> list.addObject().put("at", s.at().toString()).put("step", s.kind().name())
            .put("summary", s.summary()));
    return out;
  }

  /** The fingerprint of the key whose verified signature gave the approval, when one did (docs/signed-approvals.md). */
  static Optional<String> keyFingerprint(StoredApproval approval) {
    return approval.keyFingerprint();
  }

  private static String constraints(JsonNode violations) {
    List<String> names = new ArrayList<>();
    violations.values().forEach(v -> names.add(v.path("constraint").asString("?") + " ("
        + v.path("kind").asString("?") + ")"));
    return String.join(", ", names);
  }

  private record Step(Instant at, AuditStep kind, String summary) {}
}
