package io.apollo.reconciler.api;

import io.apollo.reconciler.store.PlanEvent;
import io.apollo.reconciler.store.StoredApproval;
import io.apollo.reconciler.store.StoredPlan;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored plan as the API and the spokes see it (DESIGN.md section 5): the body the pass computed plus what the
 * store owns: {@code state}, {@code approvals} ({@code [{by, role, commit, at}]}), {@code refusedApprovals} (the
 * same with {@code reason} and {@code message}: evidence in git that counts for nothing), {@code git} (where the
 * plan is in git), {@code acknowledged} (a spoke took it), {@code createdAt}, {@code updatedAt}, and
 * {@code history} when asked for.
 */
public final class PlanViews {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private PlanViews() {}

  public static ObjectNode plan(StoredPlan plan, List<StoredApproval> approvals, boolean acknowledged) {
    ObjectNode node = (ObjectNode) JSON.readTree(plan.body());
    node.remove(io.apollo.reconciler.loop.PlanBody.PROPOSED_FILE);
    node.put("state", plan.state().name());
    node.put("git", plan.git().name());
    node.put("acknowledged", acknowledged);
    ArrayNode accepted = node.putArray("approvals");
    ArrayNode refused = node.putArray("refusedApprovals");
    for (StoredApproval a : approvals) {
      ObjectNode out = a.accepted() ? accepted.addObject() : refused.addObject();
      out.put("by", a.by());
      out.put("role", a.role().orElse(null));
      out.put("kind", a.kind().toLowerCase(java.util.Locale.ROOT));
      out.put("commit", a.commit());
      out.put("at", a.at().toString());
      a.keyFingerprint().ifPresent(key -> out.put("keyFingerprint", key));
      a.refusalReason().ifPresent(reason -> out.put("reason", reason));
      a.refusal().ifPresent(message -> out.put("message", message));
    }
    node.put("createdAt", plan.createdAt().toString());
    node.put("updatedAt", plan.updatedAt().toString());
    return node;
  }

  public static ObjectNode withHistory(ObjectNode plan, List<PlanEvent> history) {
    ArrayNode events = plan.putArray("history");
    for (PlanEvent e : history) {
      ObjectNode out = events.addObject();
      out.put("at", e.at().toString());
      out.put("state", e.state().name());
      out.put("reason", e.reason());
      out.put("message", e.message());
    }
    return plan;
  }

  /** A plan file edited by hand on the governed branch, as the plan and {@code /v1/status} show it (issue 17). */
  static ObjectNode fileEdit(ObjectNode out, io.apollo.reconciler.loop.PlanFileEdit edit) {
    out.put("planId", edit.planId());
    out.put("reason", io.apollo.reconciler.loop.PlanFileEdit.REASON);
    out.put("path", edit.path());
    ArrayNode fields = out.putArray("fields");
    edit.fields().forEach(fields::add);
    out.put("message", edit.message());
    return out;
  }
}
