package io.apollo.core.load.yaml;

import io.apollo.core.config.Origin;
import io.apollo.core.load.Problem;
import io.apollo.core.load.ProblemReason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON tree of one YAML document from the token stream, without recursion: open collections live on an
 * explicit stack, so no nesting can overflow the Java stack. Records the position of every node under its JSON
 * Pointer (for a mapping member, the position of its key) and collects every problem of the document instead of
 * stopping at the first. Parse errors propagate as Jackson exceptions; {@link #problems()} still holds what was found
 * before them.
 */
final class TreeBuilder {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> NULL_SPELLINGS = Set.of("", "~", "null", "Null", "NULL");

  private final EventParser parser;
  private final YamlLimits limits;
  private final Aliases aliases;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<ProblemReason> aliasRefusals = EnumSet.noneOf(ProblemReason.class);
  private final TreeMap<String, Origin> positions = new TreeMap<>();
  private final Deque<Frame> stack = new ArrayDeque<>();
  private JsonNode root;
  private boolean skipping;

  TreeBuilder(EventParser parser, YamlLimits limits, Aliases aliases) {
    this.parser = parser;
    this.limits = limits;
    this.aliases = aliases;
  }

  /**
   * Reads the document whose first token is the parser's current token, up to and including the last token of its
   * root node. Returns the root (null when the document is empty).
   */
  JsonNode read() {
    JsonToken token = parser.currentToken();
    while (true) {
      switch (token) {
        case PROPERTY_NAME -> readKey();
        case START_OBJECT, START_ARRAY -> {
          if (!open(token)) {
            skipCollection();
          }
        }
        case END_OBJECT, END_ARRAY -> close();
        default -> readValue(token);
      }
      if (stack.isEmpty()) {
        return root;
      }
      token = parser.nextToken();
    }
  }

  /** True while reading past an over-deep collection (whose problem is already recorded). */
  boolean skipping() {
    return skipping;
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  Positions positions() {
    return new Positions(positions);
  }

  private void readKey() {
    Frame frame = stack.peek();
    ScalarEvent event = (ScalarEvent) parser.lastEvent();
    Origin at = parser.tokenOrigin();
    String key = event.getValue();
    Tags.refusal(event.getTag(), Tags.Shape.SCALAR).ifPresent(m -> problem(at, ProblemReason.UNSAFE_YAML, m));
    if (event.getAnchor().isPresent()) {
      problem(at, ProblemReason.UNSAFE_YAML, "anchors on keys are not supported; anchor the value instead");
    }
    if (event.isPlain() && key.equals("<<")) {
      problem(at, ProblemReason.UNSAFE_YAML, "merge keys ('<<') are not supported; write the keys out in full");
    }
    Origin first = frame.keys.putIfAbsent(key, at);
    if (first != null) {
      problem(at, ProblemReason.UNSAFE_YAML, "duplicate key '" + key + "' (first at line " + first.line() + ")");
    }
    frame.key = key;
    frame.keyOrigin = at;
  }

  /** Opens a collection; false when it is nested too deep and must be skipped. */
  private boolean open(JsonToken token) {
    CollectionStartEvent event = (CollectionStartEvent) parser.lastEvent();
    Origin at = parser.tokenOrigin();
    if (stack.size() + 1 > limits.maxDepth()) {
      problem(at, ProblemReason.LIMIT_EXCEEDED, "nesting deeper than " + limits.maxDepth() + " levels");
      return false;
    }
    boolean object = token == JsonToken.START_OBJECT;
    Tags.refusal(event.getTag(), object ? Tags.Shape.MAPPING : Tags.Shape.SEQUENCE)
        .ifPresent(m -> problem(at, ProblemReason.UNSAFE_YAML, m));
    JsonNode node = object ? NODES.objectNode() : NODES.arrayNode();
    String pointer = attach(node, at);
    String anchor = event.getAnchor().map(Anchor::getValue).orElse(null);
    if (anchor != null) {
      aliases.open(anchor);
    }
    stack.push(new Frame(node, pointer, anchor));
    return true;
  }

  private void close() {
    Frame frame = stack.pop();
    if (frame.anchor != null) {
      aliases.define(frame.anchor, frame.node, frame.pointer, positions, frame.nodes, frame.height);
    }
    Frame parent = stack.peek();
    if (parent != null) {
      parent.absorb(frame.nodes, frame.height);
    }
  }

  /** Reads past a collection that is nested too deep, building nothing. */
  private void skipCollection() {
    skipping = true;
    int depth = 1;
    while (depth > 0) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return;
      }
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      }
    }
    skipping = false;
  }

  private void readValue(JsonToken token) {
    Origin at = parser.tokenOrigin();
    if (parser.isCurrentAlias()) {
      readAlias(parser.getString(), at);
      return;
    }
    ScalarEvent event = (ScalarEvent) parser.lastEvent();
    Tags.refusal(event.getTag(), Tags.Shape.SCALAR).ifPresent(m -> problem(at, ProblemReason.UNSAFE_YAML, m));
    JsonNode node = scalar(token, event, at);
    String pointer = attach(node, at);
    event.getAnchor().ifPresent(a -> aliases.define(a.getValue(), node, pointer, positions, 1, 0));
    Frame parent = stack.peek();
    if (parent != null) {
      parent.absorb(1, 0);
    }
  }

  private void readAlias(String name, Origin at) {
    String pointer = childPointer();
    Aliases.Expansion expansion = aliases.expand(name, pointer, stack.size(), at);
    if (expansion instanceof Aliases.Expanded expanded) {
      positions.putAll(expanded.positions());
      attach(expanded.node(), at);
      Frame parent = stack.peek();
      if (parent != null) {
        parent.absorb(expanded.nodes(), expanded.height());
      }
      return;
    }
    Problem refusal = ((Aliases.Refused) expansion).problem();
    // One budget or depth refusal per document says it all; every unknown alias is its own mistake.
    if (refusal.reason() == ProblemReason.YAML_SYNTAX || aliasRefusals.add(refusal.reason())) {
      problems.add(refusal);
    }
    attach(NODES.nullNode(), at);
  }

  /** The JSON value of a scalar, as YAML 1.2's core schema types it; an explicit tag must agree with the value. */
  private JsonNode scalar(JsonToken token, ScalarEvent event, Origin at) {
    String text = event.getValue();
    String tag = event.getTag().map(Tags::coreName).orElse(null);
    try {
      JsonNode node = switch (token) {
        case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
        case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
        case VALUE_TRUE -> NODES.booleanNode(true);
        case VALUE_FALSE -> NODES.booleanNode(false);
        case VALUE_NULL -> NODES.nullNode();
        case VALUE_STRING -> NODES.stringNode(parser.getString());
        default -> NODES.nullNode(); // !!binary and other embedded values: the tag is already refused
      };
      if (tag != null && !fits(tag, token, text)) {
        problem(at, ProblemReason.YAML_SYNTAX, "'" + text + "' is not a valid !!" + tag);
      }
      return node;
    } catch (tools.jackson.core.exc.StreamConstraintsException e) {
      problem(at, ProblemReason.LIMIT_EXCEEDED, YamlProblemMessages.constraint(e));
    } catch (tools.jackson.core.JacksonException | NumberFormatException e) {
      problem(at, ProblemReason.YAML_SYNTAX, "'" + text + "' is not a valid number");
    }
    return NODES.nullNode();
  }

  private static boolean fits(String tag, JsonToken token, String text) {
    return switch (tag) {
      case "int" -> token == JsonToken.VALUE_NUMBER_INT;
      case "bool" -> token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
      case "null" -> token == JsonToken.VALUE_NULL && NULL_SPELLINGS.contains(text);
      default -> true; // str always fits; float is checked by decoding it
    };
  }

  /** Puts a node into the open collection (or makes it the root); returns its pointer after recording its position. */
  private String attach(JsonNode node, Origin at) {
    Frame parent = stack.peek();
    String pointer = childPointer();
    if (parent == null) {
      root = node;
      positions.put(pointer, at);
    } else if (parent.node instanceof ObjectNode object) {
      object.set(parent.key, node);
      positions.put(pointer, parent.keyOrigin);
    } else {
      ((ArrayNode) parent.node).add(node);
      positions.put(pointer, at);
    }
    return pointer;
  }

  /** The pointer the next value will have: the pending key of a mapping, or the next index of a list. */
  private String childPointer() {
    Frame parent = stack.peek();
    if (parent == null) {
      return "";
    }
    if (parent.node instanceof ObjectNode) {
      return parent.pointer + "/" + escape(parent.key);
    }
    return parent.pointer + "/" + parent.node.size();
  }

  /** RFC 6901: {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}. */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private void problem(Origin at, ProblemReason reason, String message) {
    problems.add(Problem.at(at, reason, message));
  }

  /** One open collection. */
  private static final class Frame {
    final JsonNode node;
    final String pointer;
    final String anchor;
    final Map<String, Origin> keys = new HashMap<>();
    String key;
    Origin keyOrigin;
    int nodes = 1;
    int height = 1;

    Frame(JsonNode node, String pointer, String anchor) {
      this.node = node;
      this.pointer = pointer;
      this.anchor = anchor;
    }

    /** Counts a finished child subtree. */
    void absorb(int childNodes, int childHeight) {
      nodes += childNodes;
      height = Math.max(height, childHeight + 1);
    }
  }
}
