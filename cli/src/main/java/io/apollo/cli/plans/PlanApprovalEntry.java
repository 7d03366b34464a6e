package io.apollo.cli.plans;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Appends {@code {by, role}} to a plan file's {@code spec.approvals}. Plan files are written by the hub (core's
 * PlanFile), so the document is re-rendered in the same style; the comment lines at its top are kept.
 */
final class PlanApprovalEntry {
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
      .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
      .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .disable(YAMLWriteFeature.SPLIT_LINES)
      .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
      .build();

  private PlanApprovalEntry() {}

  static String append(String text, String by, String role) {
    List<String> header = new ArrayList<>();
    for (String line : text.lines().toList()) {
      if (!line.startsWith("#")) {
        break;
      }
      header.add(line);
    }
    JsonNode root = YAML.readTree(text);
    ObjectNode spec = (ObjectNode) root.path("spec");
    ArrayNode approvals = spec.has("approvals") ? (ArrayNode) spec.get("approvals") : spec.putArray("approvals");
    approvals.addObject().put("by", by).put("role", role);
    return (header.isEmpty() ? "" : String.join("\n", header) + "\n") + YAML.writeValueAsString(root);
  }
}
