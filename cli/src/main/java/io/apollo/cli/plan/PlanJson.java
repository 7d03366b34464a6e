package io.apollo.cli.plan;

import io.apollo.cli.output.Json;
import io.apollo.core.constraint.Verdict;
import io.apollo.core.plan.Plan;
import io.apollo.core.plan.PlanningResult;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@code apollo plan}: {@code {"at", "plans": [{"id", "entity", "type", "fromVersion", "toVersion",
 * "state", "violations": [{"constraint", "kind", "message", "unblocksAt"}], "requiredRoles"}]}}. Plan types are
 * lower case ({@code config_update}), states upper case; absent versions and instants are {@code null}.
 */
public final class PlanJson {
  private PlanJson() {}

  public static ObjectNode of(PlanningResult result) {
    ObjectNode root = Json.object();
    root.put("at", result.at().toString());
    ArrayNode plans = root.putArray("plans");
    result.plans().forEach(plan -> plans.add(plan(plan)));
    return root;
  }

  public static ObjectNode plan(Plan plan) {
    ObjectNode node = Json.object();
    node.put("id", plan.id());
    node.put("entity", plan.entity().toString());
    node.put("product", plan.product().toString());
    node.put("spoke", plan.spoke());
    node.put("type", plan.type().wireName());
    node.put("fromVersion", plan.fromVersion().map(Object::toString).orElse(null));
    node.put("toVersion", plan.toVersion().map(Object::toString).orElse(null));
    node.put("state", plan.state().name());
    node.put("reason", plan.reason().name());
    node.put("message", plan.message());
    ArrayNode violations = node.putArray("violations");
    plan.violations().forEach(v -> violations.add(verdict(v)));
    ArrayNode roles = node.putArray("requiredRoles");
    plan.requiredRoles().stream().sorted().forEach(roles::add);
    ArrayNode missing = node.putArray("missingRoles");
    plan.missingRoles().stream().sorted().forEach(missing::add);
    node.put("unblocksAt", plan.unblocksAt().map(Object::toString).orElse(null));
    return node;
  }

  public static ObjectNode verdict(Verdict verdict) {
    ObjectNode node = Json.object();
    node.put("constraint", verdict.constraint());
    node.put("kind", verdict.kind().wireName());
    node.put("message", verdict.message());
    node.put("unblocksAt", verdict.unblocksAt().map(Object::toString).orElse(null));
    return node;
  }
}
