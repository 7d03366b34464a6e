package io.apollo.core.load.yaml;

import io.apollo.core.config.Origin;
import io.apollo.core.load.Problem;
import io.apollo.core.load.ProblemReason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Expands YAML aliases. Jackson's parser hands an alias over as its bare name, so we remember every anchored node of
 * the current document and insert a deep copy (with the positions of the original) wherever it is referred to.
 *
 * <p>Each expansion is paid for before it is made, from a budget that spans the whole file: at most {@code maxAliases}
 * alias uses and at most {@link #MAX_EXPANDED_NODES} nodes produced by expansion. A billion-laughs file therefore
 * costs at most that many node copies before it is refused, whatever its nesting of anchors.
 */
final class Aliases {
  /** The most nodes that alias expansion may add to one file. */
  static final int MAX_EXPANDED_NODES = 100_000;

  private final int maxAliases;
  private final int maxDepth;
  private final Map<String, Anchored> anchors = new HashMap<>();
  private final Set<String> open = new HashSet<>();
  private int uses;
  private long expandedNodes;

  Aliases(int maxAliases, int maxDepth) {
    this.maxAliases = maxAliases;
    this.maxDepth = maxDepth;
  }

  /** Anchors are scoped to one document. */
  void newDocument() {
    anchors.clear();
    open.clear();
  }

  /** An anchored collection has begun; until {@link #define} an alias to it would be recursive. */
  void open(String anchor) {
    open.add(anchor);
  }

  /**
   * Remembers a finished anchored node. {@code positions} holds every position recorded so far in the document; the
   * ones at or under {@code pointer} are kept relative to it.
   */
  void define(String anchor, JsonNode node, String pointer, NavigableMap<String, Origin> positions, int nodes,
      int height) {
    open.remove(anchor);
    List<Map.Entry<String, Origin>> relative = new ArrayList<>();
    for (Map.Entry<String, Origin> e : positions.subMap(pointer + "/", true, pointer + "0", false).entrySet()) {
      relative.add(Map.entry(e.getKey().substring(pointer.length()), e.getValue()));
    }
    anchors.put(anchor, new Anchored(node, List.copyOf(relative), nodes, height));
  }

  /**
   * A copy of the node anchored as {@code name}, for insertion at {@code pointer} under {@code parentDepth} open
   * collections, with the positions of everything under it; or the reason it may not be inserted.
   */
  Expansion expand(String name, String pointer, int parentDepth, Origin at) {
    Anchored anchored = anchors.get(name);
    if (anchored == null) {
      String message = open.contains(name)
          ? "alias '*" + name + "' refers to a node that contains it; recursive aliases are not allowed"
          : "alias '*" + name + "' refers to no anchor: define '&" + name + "' before using it";
      return new Refused(Problem.at(at, ProblemReason.YAML_SYNTAX, message));
    }
    uses++;
    if (uses > maxAliases) {
      return new Refused(Problem.at(at, ProblemReason.UNSAFE_YAML, "too many aliases (limit " + maxAliases + ")"));
    }
    expandedNodes += anchored.nodes();
    if (expandedNodes > MAX_EXPANDED_NODES) {
      return new Refused(Problem.at(at, ProblemReason.UNSAFE_YAML,
          "too many aliases (limit " + maxAliases + "): they would expand the file past " + MAX_EXPANDED_NODES
              + " nodes"));
    }
    if (parentDepth + anchored.height() > maxDepth) {
      return new Refused(Problem.at(at, ProblemReason.LIMIT_EXCEEDED,
          "nesting deeper than " + maxDepth + " levels (through alias '*" + name + "')"));
    }
    // The copy's own position is where the alias is used (the caller records it); its insides keep the positions
    // they were written at.
    Map<String, Origin> positions = new HashMap<>();
    for (Map.Entry<String, Origin> e : anchored.positions()) {
      if (!e.getKey().isEmpty()) {
        positions.put(pointer + e.getKey(), e.getValue());
      }
    }
    return new Expanded(deepCopy(anchored.node()), positions, anchored.nodes(), anchored.height());
  }

  /** A deep copy without recursion; scalar nodes are immutable and shared. */
  static JsonNode deepCopy(JsonNode source) {
    if (!source.isContainer()) {
      return source;
    }
    JsonNode copy = emptyLike(source);
    Deque<JsonNode[]> work = new ArrayDeque<>();
    work.push(new JsonNode[] {source, copy});
    while (!work.isEmpty()) {
      JsonNode[] pair = work.pop();
      if (pair[0].isObject()) {
        for (Map.Entry<String, JsonNode> e : pair[0].properties()) {
          ((ObjectNode) pair[1]).set(e.getKey(), copyChild(e.getValue(), work));
        }
      } else {
        for (JsonNode child : pair[0].values()) {
          ((ArrayNode) pair[1]).add(copyChild(child, work));
        }
      }
    }
    return copy;
  }

  private static JsonNode copyChild(JsonNode child, Deque<JsonNode[]> work) {
    if (!child.isContainer()) {
      return child;
    }
    JsonNode copy = emptyLike(child);
    work.push(new JsonNode[] {child, copy});
    return copy;
  }

  private static JsonNode emptyLike(JsonNode container) {
    return container.isObject() ? JsonNodeFactory.instance.objectNode() : JsonNodeFactory.instance.arrayNode();
  }

  /** An anchored node: its tree, its positions relative to itself, how many nodes it holds and how deep it goes. */
  private record Anchored(JsonNode node, List<Map.Entry<String, Origin>> positions, int nodes, int height) {}

  /** What {@link #expand} gives. */
  sealed interface Expansion {}

  /** The copy to insert, its positions (absolute pointers), its node count and height. */
  record Expanded(JsonNode node, Map<String, Origin> positions, int nodes, int height) implements Expansion {}

  /** The alias may not be expanded. */
  record Refused(Problem problem) implements Expansion {}
}
