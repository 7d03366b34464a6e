package io.apollo.reconciler.loop;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.PlanType;
import io.apollo.core.config.Product;
import io.apollo.core.config.ProductType;
import io.apollo.core.config.Release;
import io.apollo.core.constraint.Verdict;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanFile;
import io.apollo.core.wire.PlanMessage;
import io.apollo.core.wire.PlanMessageJson;
import java.util.Map;
import java.util.Optional;
import io.apollo.reconciler.store.StoredPlan;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The plan JSON of DESIGN.md section 5 as computed by a pass: the wire fields a spoke runs ({@link PlanMessageJson})
 * plus what the planner said ({@code reason}, {@code message}, roles, violations, {@code unblocksAt}) and where the
 * plan lives in git ({@code computedFrom}, {@code branch}). The fields the store owns (state, approvals, history,
 * times) are added when the plan is shown.
 */
public final class PlanBody {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PlanBody() {}

  public static ObjectNode of(Plan plan, DesiredState desired, String commit) {
    ObjectNode node = PlanMessageJson.write(message(plan, desired));
    node.put("reason", plan.reason().name());
    node.put("message", plan.message());
    ArrayNode roles = node.putArray("requiredRoles");
    plan.requiredRoles().forEach(roles::add);
    ArrayNode missing = node.putArray("missingRoles");
    plan.missingRoles().forEach(missing::add);
    ArrayNode violations = node.putArray("violations");
    for (Verdict v : plan.violations()) {
      ObjectNode out = violations.addObject();
      out.put("constraint", v.constraint());
      out.put("kind", v.kind().wireName());
      out.put("message", v.message());
      out.put("unblocksAt", v.unblocksAt().map(Object::toString).orElse(null));
    }
    node.put("unblocksAt", plan.unblocksAt().map(Object::toString).orElse(null));
    node.put("computedFrom", commit);
    node.put("branch", plan.requiredRoles().isEmpty() ? null : PlanFile.branch(plan));
    node.put("path", PlanFile.path(plan));
    return node;
  }

  /** The field holding the exact text of the plan file the hub put in git: what approvals must approve. */
  public static final String PROPOSED_FILE = "proposedFile";

  /** The plan with {@code file} recorded as the text the hub put in git. */
  static StoredPlan withProposedFile(StoredPlan plan, String file) {
    ObjectNode body = (ObjectNode) JSON.readTree(plan.body());
    body.put(PROPOSED_FILE, file);
    return plan.withBody(body.toString());
  }

  /** The text of the plan file the hub put in git, when it did. */
  static Optional<String> proposedFile(StoredPlan plan) {
    JsonNode file = JSON.readTree(plan.body()).path(PROPOSED_FILE);
    return file.isString() ? Optional.of(file.asString()) : Optional.empty();
  }

  /** The commit that proposed the plan on its branch, when the hub recorded it (issue 15). */
  public static final String PROPOSAL_COMMIT = "proposalCommit";

  /** The plan with {@code commit} recorded as the commit that proposed it: approvals must descend from it. */
  static StoredPlan withProposalCommit(StoredPlan plan, String commit) {
    ObjectNode body = (ObjectNode) JSON.readTree(plan.body());
    body.put(PROPOSAL_COMMIT, commit);
    return plan.withBody(body.toString());
  }

  /** The commit that proposed the plan on its branch, when the hub recorded it. */
  static Optional<String> proposalCommit(StoredPlan plan) {
    JsonNode commit = JSON.readTree(plan.body()).path(PROPOSAL_COMMIT);
    return commit.isString() ? Optional.of(commit.asString()) : Optional.empty();
  }

  /** A newly computed body that keeps the proposed file and the proposal commit of the old one. */
  static String carryOver(String oldBody, ObjectNode fresh) {
    JsonNode old = JSON.readTree(oldBody);
    JsonNode file = old.path(PROPOSED_FILE);
    if (file.isString()) {
      fresh.put(PROPOSED_FILE, file.asString());
    }
    JsonNode proposal = old.path(PROPOSAL_COMMIT);
    if (proposal.isString()) {
      fresh.put(PROPOSAL_COMMIT, proposal.asString());
    }
    return fresh.toString();
  }

  /** What the spoke needs: the entity's config, the product's operator, the target release's artifact. */
  static PlanMessage message(Plan plan, DesiredState desired) {
    Optional<Entity> entity = desired.entity(plan.entity());
    ProductType type = desired.product(plan.product()).map(Product::type).orElse(ProductType.SLS_SERVICE);
    Map<String, Object> config = plan.type() == PlanType.UNINSTALL
        ? Map.of() : entity.map(Entity::config).orElse(Map.of());
    Optional<PlanMessage.WireArtifact> artifact = plan.toVersion()
        .flatMap(v -> desired.release(plan.product(), v))
        .flatMap(Release::artifact)
        .map(a -> new PlanMessage.WireArtifact(a.uri(), a.sha256(), a.chartVersion()));
    return new PlanMessage(plan.id(), plan.entity(), plan.product(), plan.spoke(), type, plan.type(),
        plan.fromVersion(), plan.toVersion(), plan.configDigest(), config, artifact);
  }
}
