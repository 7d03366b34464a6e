package io.apollo.cli.plans;

import io.apollo.cli.output.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plan as git holds it (DESIGN.md section 4): its file on main (approved) or on its branch
 * {@code apollo/plan/<id>} (a proposal awaiting approval). {@code ref} is where it was read: the main commit or the
 * branch; {@code spec} the document's spec as written.
 */
public record GitPlan(String id, boolean onMain, String ref, String path, JsonNode spec) {

  public String entity() {
    return spec.path("entity").asString("");
  }

  public String type() {
    return spec.path("type").asString("");
  }

  public Optional<String> fromVersion() {
    return text("fromVersion");
  }

  public Optional<String> toVersion() {
    return text("toVersion");
  }

  public List<String> requiredRoles() {
    List<String> roles = new ArrayList<>();
    spec.path("requiredRoles").forEach(r -> roles.add(r.asString()));
    return roles;
  }

  /** What the repository alone says of its state: on main it is approved, on a branch it awaits approval. */
  public String state() {
    return onMain ? "APPROVED" : "PENDING";
  }

  public String branch() {
    return "apollo/plan/" + id;
  }

  public ObjectNode json() {
    ObjectNode node = Json.object();
    node.put("id", id);
    node.put("entity", entity());
    node.put("type", type());
    node.put("state", state());
    fromVersion().ifPresentOrElse(v -> node.put("fromVersion", v), () -> node.putNull("fromVersion"));
    toVersion().ifPresentOrElse(v -> node.put("toVersion", v), () -> node.putNull("toVersion"));
    ArrayNode roles = node.putArray("requiredRoles");
    requiredRoles().forEach(roles::add);
    node.set("approvals", spec.path("approvals").isArray() ? spec.path("approvals") : Json.object().arrayNode());
    node.set("violations", spec.path("violations").isArray() ? spec.path("violations") : Json.object().arrayNode());
    node.put("where", onMain ? "main" : branch());
    node.put("file", path);
    return node;
  }

  private Optional<String> text(String field) {
    JsonNode value = spec.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
  }
}
