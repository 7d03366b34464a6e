package io.apollo.core.plan;

import io.apollo.core.constraint.Verdict;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * A plan as the hub writes it into the config repository (DESIGN.md section 4): a {@code kind: Plan} document at
 * {@code plans/<environment>/<plan-id>.yaml}, proposed on the branch {@code apollo/plan/<plan-id>} when it needs
 * approval. What this writes, the loader reads back with no problem ({@code schema/plan.schema.json}); the plan's
 * state is not written, because in git a plan's place (branch or main) is its state.
 */
public final class PlanFile {
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
      .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
      .disable(YAMLWriteFeature.SPLIT_LINES)
      .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
      .build();

  private PlanFile() {}

  /** {@code plans/<environment>/<plan-id>.yaml}. */
  public static String path(Plan plan) {
    return "plans/" + plan.entity().environment() + "/" + plan.id() + ".yaml";
  }

  /** {@code apollo/plan/<plan-id>}: merging it into main approves the plan. */
  public static String branch(Plan plan) {
    return "apollo/plan/" + plan.id();
  }

  /** The document's text; {@code computedFrom} is the commit the plan was computed from, when known. */
  public static String render(Plan plan, Optional<String> computedFrom) {
    ObjectNode root = YAML.createObjectNode();
    root.put("apiVersion", "apollo/v1");
    root.put("kind", "Plan");
    root.putObject("metadata").put("name", plan.id());
    ObjectNode spec = root.putObject("spec");
    spec.put("entity", plan.entity().toString());
    spec.put("type", plan.type().wireName());
    spec.put("product", plan.product().toString());
    spec.put("spoke", plan.spoke());
    plan.fromVersion().ifPresent(v -> spec.put("fromVersion", v.toString()));
    plan.toVersion().ifPresent(v -> spec.put("toVersion", v.toString()));
    if (!plan.configDigest().isEmpty()) {
      spec.put("configDigest", plan.configDigest());
    }
    ArrayNode roles = spec.putArray("requiredRoles");
    plan.requiredRoles().forEach(roles::add);
    ArrayNode violations = spec.putArray("violations");
    for (Verdict violation : plan.violations()) {
      ObjectNode v = violations.addObject();
      v.put("constraint", violation.constraint());
      v.put("kind", violation.kind().wireName());
      v.put("message", violation.message());
      violation.unblocksAt().ifPresent(at -> v.put("unblocksAt", at.toString()));
    }
    computedFrom.ifPresent(commit -> spec.put("computedFrom", commit));
    return "# Written by the Apollo hub. On branch " + branch(plan) + " this plan awaits approval: merging the branch\n"
        + "# approves it. On main it is approved.\n" + YAML.writeValueAsString(root);
  }
}
