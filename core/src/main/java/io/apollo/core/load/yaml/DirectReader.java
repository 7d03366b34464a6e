package io.apollo.core.load.yaml;

import io.apollo.core.config.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one-pass reader for the files nearly every repository is made of: plain mappings, lists and scalars, built
 * into the JSON tree and its positions straight from snakeyaml-engine's events, without Jackson's token layer (a
 * parser object, its buffers and a token per event per file, which on 13,000 small files cost as much as the scanning
 * itself).
 *
 * <p>It is a shortcut, never a second judge: it reads only what it can read exactly as {@link SafeYaml}'s full path
 * ({@link TreeBuilder} over Jackson) does, and gives up, returning null, at the first thing outside that: any tag,
 * anchor or alias, a merge key, a duplicate or non-scalar key, a number other than a short decimal integer, nesting
 * or documents past the limits, a very long key or value, any scanner or parser error. The full path then reads the
 * whole file again and says what is wrong, with its positions and words. So every problem still comes from one place,
 * and a file this reader accepts has no problem. {@code DirectReaderTest} proves both paths give the same documents.
 */
final class DirectReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Jackson checks key lengths against a cap (50,000); keys this long are left to it. */
  private static final int MAX_KEY_CHARS = 1000;
  /** Jackson checks value lengths against a cap (20 million); values this long are left to it. */
  private static final int MAX_VALUE_CHARS = 100_000;

  private final String path;
  private final YamlLimits limits;
  private final ScalarResolver resolver;
  private final List<Frame> stack = new ArrayList<>();
  private Map<String, Origin> positions;
  private JsonNode root;

  private DirectReader(String path, YamlLimits limits, ScalarResolver resolver) {
    this.path = path;
    this.limits = limits;
    this.resolver = resolver;
  }

  /**
   * The file's documents, read in one pass; null when the file holds anything this reader leaves to the full path.
   * {@code text} is the decoded file; {@code settings} are those the full path's parser uses.
   */
  static ParsedFile read(String path, String text, YamlLimits limits, LoadSettings settings) {
    try {
      return new DirectReader(path, limits, settings.getSchema().getScalarResolver()).readAll(
          new ParserImpl(settings, new StreamReader(settings, text)));
    } catch (RuntimeException e) {
      return null; // a scanner or parser error: the full path reports it
    }
  }

  private ParsedFile readAll(ParserImpl parser) {
    List<YamlDocument> documents = new ArrayList<>();
    int started = 0;
    while (parser.hasNext()) {
      Event event = parser.next();
      switch (event.getEventId()) {
        case StreamStart, StreamEnd, DocumentEnd -> {}
        case DocumentStart -> {
          started++;
          if (started > limits.maxDocuments()) {
            return null;
          }
          Origin start = origin(event.getStartMark());
          if (start == null || !readRoot(parser)) {
            return null;
          }
          if (!root.isNull()) {
            documents.add(new YamlDocument(path, started - 1, start, root, Positions.owning(positions)));
          }
        }
        default -> {
          return null;
        }
      }
    }
    return new ParsedFile(path, documents, List.of());
  }

  /** Reads one document's root node and everything under it; false to give up. */
  private boolean readRoot(ParserImpl parser) {
    root = null;
    positions = new HashMap<>();
    stack.clear();
    do {
      Event event = parser.next();
      Frame parent = stack.isEmpty() ? null : stack.get(stack.size() - 1);
      switch (event.getEventId()) {
        case Scalar -> {
          ScalarEvent scalar = (ScalarEvent) event;
          if (!plainNode(scalar)) {
            return false;
          }
          if (parent != null && parent.object && parent.key == null) {
            if (!readKey(parent, scalar)) {
              return false;
            }
          } else {
            JsonNode node = scalar(scalar);
            if (node == null || !attach(parent, node, event)) {
              return false;
            }
          }
        }
        case MappingStart, SequenceStart -> {
          if (!plainNode((NodeEvent) event) || stack.size() + 1 > limits.maxDepth()
              || (parent != null && parent.object && parent.key == null)) {
            return false; // a tagged or anchored collection, too deep, or a collection as a key
          }
          boolean object = event.getEventId() == Event.ID.MappingStart;
          JsonNode node = object ? NODES.objectNode() : NODES.arrayNode();
          String pointer = childPointer(parent);
          if (!attach(parent, node, event)) {
            return false;
          }
          stack.add(new Frame(node, pointer, object));
        }
        case MappingEnd, SequenceEnd -> stack.remove(stack.size() - 1);
        default -> {
          return false; // an alias, or an event out of place
        }
      }
    } while (!stack.isEmpty());
    return root != null;
  }

  private boolean readKey(Frame parent, ScalarEvent event) {
    String key = event.getValue();
    if (key.length() > MAX_KEY_CHARS || (event.isPlain() && key.equals("<<"))
        || ((ObjectNode) parent.node).has(key)) {
      return false;
    }
    Origin at = origin(event.getStartMark());
    if (at == null) {
      return false;
    }
    parent.key = key;
    parent.keyOrigin = at;
    return true;
  }

  /**
   * The JSON value of an untagged scalar as Jackson's parser types it under the YAML 1.2 core schema, for the
   * types whose decoding cannot fail; null for any other (a float, a number in another base or with a sign, leading
   * zero or underscores, a long integer), which the full path decodes.
   */
  private JsonNode scalar(ScalarEvent event) {
    String value = event.getValue();
    if (value.length() > MAX_VALUE_CHARS) {
      return null;
    }
    Tag tag = resolver.resolve(value, event.getImplicit().canOmitTagInPlainScalar());
    if (tag == Tag.STR) {
      return NODES.stringNode(value);
    }
    if (tag == Tag.NULL) {
      return NODES.nullNode();
    }
    if (tag == Tag.BOOL) {
      if (value.length() == 4 && value.equalsIgnoreCase("true")) {
        return NODES.booleanNode(true);
      }
      return value.length() == 5 && value.equalsIgnoreCase("false") ? NODES.booleanNode(false) : null;
    }
    if (tag == Tag.INT && isShortDecimal(value)) {
      return NODES.numberNode(Integer.parseInt(value));
    }
    return null;
  }

  /** {@code 0}, or up to nine digits with no leading zero, after an optional minus: always an int. */
  private static boolean isShortDecimal(String value) {
    if (value.equals("0")) {
      return true;
    }
    int start = value.startsWith("-") ? 1 : 0;
    int digits = value.length() - start;
    if (digits < 1 || digits > 9 || value.charAt(start) == '0') {
      return false;
    }
    for (int i = start; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Neither tag nor anchor: either would need the full path's checks. */
  private static boolean plainNode(NodeEvent event) {
    if (event.getAnchor().isPresent()) {
      return false;
    }
    Optional<String> tag = event instanceof ScalarEvent scalar ? scalar.getTag()
        : ((org.snakeyaml.engine.v2.events.CollectionStartEvent) event).getTag();
    return tag.isEmpty();
  }

  /** As {@link TreeBuilder}: into the open collection (or as the root), its position recorded under its pointer. */
  private boolean attach(Frame parent, JsonNode node, Event event) {
    Origin at = origin(event.getStartMark());
    if (at == null) {
      return false;
    }
    String pointer = childPointer(parent);
    if (parent == null) {
      root = node;
      positions.put(pointer, at);
    } else if (parent.object) {
      ((ObjectNode) parent.node).set(parent.key, node);
      positions.put(pointer, parent.keyOrigin);
      parent.key = null;
    } else {
      ((ArrayNode) parent.node).add(node);
      positions.put(pointer, at);
    }
    return true;
  }

  private static String childPointer(Frame parent) {
    if (parent == null) {
      return "";
    }
    if (parent.object) {
      return parent.pointer + "/" + TreeBuilder.escape(parent.key);
    }
    return parent.pointer + "/" + parent.node.size();
  }

  /** 1-based, as {@link EventParser#origin}; null when the event has no mark (never with marks switched on). */
  private Origin origin(Optional<Mark> mark) {
    if (mark.isEmpty()) {
      return null;
    }
    Mark m = mark.get();
    return new Origin(path, m.getLine() + 1, m.getColumn() + 1);
  }

  /** One open collection; {@code key} is the member whose value comes next (null between members). */
  private static final class Frame {
    final JsonNode node;
    final String pointer;
    final boolean object;
    String key;
    Origin keyOrigin;

    Frame(JsonNode node, String pointer, boolean object) {
      this.node = node;
      this.pointer = pointer;
      this.object = object;
    }
  }
}
