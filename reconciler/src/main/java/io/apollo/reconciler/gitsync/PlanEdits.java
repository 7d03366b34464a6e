package io.apollo.reconciler.gitsync;

import io.apollo.core.load.yaml.ParsedFile;
import io.apollo.core.load.yaml.SafeYaml;
import io.apollo.core.load.yaml.YamlLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a person changed in a plan file beyond approving it: the hub dispatches what it proposed, never what a file
 * edited by hand on a plan branch or on main says (a changed version, an extra or dropped role). Comments, layout
 * and the {@code spec.approvals} list (which people are meant to append to) are not changes.
 */
public final class PlanEdits {
  /** The pointer returned when the file on the branch cannot be read as one YAML document at all. */
  public static final String WHOLE_FILE = "";

  private PlanEdits() {}

  /**
   * The JSON pointers (such as {@code /spec/toVersion}) of the fields where {@code onBranch} differs from
   * {@code proposed}, sorted; empty when the plan is the one proposed. {@link #WHOLE_FILE} alone when
   * {@code onBranch} does not parse.
   */
  public static List<String> changedFields(String proposed, String onBranch) {
    // The same text has no changed field: most plan files are as proposed, and every pass asks of every one.
    if (proposed.equals(onBranch)) {
      return List.of();
    }
    Optional<JsonNode> mine = document(proposed);
    Optional<JsonNode> theirs = document(onBranch);
    if (mine.isEmpty() || theirs.isEmpty()) {
      return List.of(WHOLE_FILE);
    }
    List<String> changed = new ArrayList<>();
    diff("", withoutApprovals(mine.get()), withoutApprovals(theirs.get()), changed);
    return List.copyOf(changed);
  }

  private static Optional<JsonNode> document(String text) {
    ParsedFile parsed = SafeYaml.parse("plan.yaml", text.getBytes(StandardCharsets.UTF_8), YamlLimits.defaults());
    if (!parsed.problems().isEmpty() || parsed.documents().size() != 1) {
      return Optional.empty();
    }
    return Optional.of(parsed.documents().getFirst().root());
  }

  private static JsonNode withoutApprovals(JsonNode root) {
    JsonNode copy = root.deepCopy();
    if (copy.path("spec") instanceof ObjectNode spec) {
      spec.remove("approvals");
    }
    return copy;
  }

  private static void diff(String pointer, JsonNode a, JsonNode b, List<String> changed) {
    if (a.isObject() && b.isObject()) {
      Set<String> keys = new TreeSet<>(a.propertyNames());
      keys.addAll(b.propertyNames());
      for (String key : keys) {
        diff(pointer + "/" + key.replace("~", "~0").replace("/", "~1"), a.path(key), b.path(key), changed);
      }
    } else if (!a.equals(b)) {
      changed.add(pointer);
    }
  }
}
