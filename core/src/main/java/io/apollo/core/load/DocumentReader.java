package io.apollo.core.load;

import io.apollo.core.config.Metadata;
import io.apollo.core.config.Origin;
import io.apollo.core.config.ProductId;
import io.apollo.core.load.yaml.YamlDocument;
import io.apollo.core.version.Version;
import io.apollo.core.version.VersionMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads fields of one schema-valid document by JSON Pointer and turns values the schema cannot judge (versions,
 * product ids, durations, ...) into records, recording a positioned {@link Problem} for each that does not parse.
 * The schema has already checked presence and types, so absent optional fields read as empty.
 */
final class DocumentReader {
  private final YamlDocument document;
  private final List<Problem> problems;

  DocumentReader(YamlDocument document, List<Problem> problems) {
    this.document = document;
    this.problems = problems;
  }

  /** The problems this reader has recorded so far (the list it was given). */
  List<Problem> problems() {
    return problems;
  }

  YamlDocument document() {
    return document;
  }

  /**
   * This reader without the document's tree and with the positions of {@code pointers} only, for the cross-document
   * checks, which point at a few fields: a loaded repository keeps one reader per document until those checks are
   * done (and the hub's parse cache keeps them for longer), and the tree and the position of every node were most of
   * what it held. Every field reads as absent from it, and {@link #at} is exact for {@code pointers} only.
   */
  DocumentReader positionsOnly(Collection<String> pointers) {
    return new DocumentReader(new YamlDocument(document.path(), document.index(), document.start(),
        MissingNode.getInstance(), document.positions().only(pointers)), problems);
  }

  Origin origin() {
    return document.start();
  }

  Origin at(String pointer) {
    return document.at(pointer);
  }

  /**
   * The node at {@code pointer}, or a missing node: what {@code root.at(JsonPointer.compile(pointer))} gives, walked
   * without compiling a pointer, as mapping reads a dozen fields of each of thousands of documents.
   */
  JsonNode node(String pointer) {
    return at(document.root(), pointer);
  }

  /** RFC 6901 as Jackson's {@link JsonPointer} reads it: a member by name, an item by a canonical index. */
  static JsonNode at(JsonNode root, String pointer) {
    if (pointer.isEmpty()) {
      return root;
    }
    if (pointer.charAt(0) != '/' || pointer.indexOf('~') >= 0) {
      return root.at(JsonPointer.compile(pointer)); // not a pointer (it throws, as before), or one with escapes
    }
    JsonNode node = root;
    int start = 1;
    while (true) {
      int end = pointer.indexOf('/', start);
      String segment = pointer.substring(start, end < 0 ? pointer.length() : end);
      JsonNode child = node.isObject() ? node.get(segment) : node.isArray() ? node.get(index(segment)) : null;
      if (child == null) {
        return MissingNode.getInstance();
      }
      if (end < 0) {
        return child;
      }
      node = child;
      start = end + 1;
    }
  }

  /** A segment as an array index: digits without a leading zero that fit an int; otherwise -1 (no item). */
  private static int index(String segment) {
    int length = segment.length();
    if (length == 0 || length > 10 || (segment.charAt(0) == '0' && length > 1)) {
      return -1;
    }
    for (int i = 0; i < length; i++) {
      char c = segment.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
    }
    long value = Long.parseLong(segment);
    return value > Integer.MAX_VALUE ? -1 : (int) value;
  }

  boolean has(String pointer) {
    JsonNode node = node(pointer);
    return !node.isMissingNode() && !node.isNull();
  }

  Metadata metadata() {
    Map<String, String> labels = stringMap("/metadata/labels");
    return new Metadata(string("/metadata/name").orElse(""), labels);
  }

  Optional<String> string(String pointer) {
    JsonNode node = node(pointer);
    return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node.asString());
  }

  List<String> strings(String pointer) {
    List<String> values = new ArrayList<>();
    JsonNode node = node(pointer);
    if (node.isArray()) {
      node.values().forEach(v -> values.add(v.asString()));
    } else if (!node.isMissingNode() && !node.isNull()) {
      values.add(node.asString());
    }
    return values;
  }

  Map<String, String> stringMap(String pointer) {
    Map<String, String> values = new LinkedHashMap<>();
    node(pointer).properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
    return values;
  }

  Optional<Version> version(String pointer) {
    return string(pointer).flatMap(text -> {
      Optional<Version> version = Version.tryParse(text);
      if (version.isEmpty()) {
        problem(pointer, ProblemReason.INVALID_VALUE, dotted(pointer) + ": '" + text
            + "' is not an orderable SLS version (expected X.Y.Z, X.Y.Z-rcN, X.Y.Z-N-gHASH or X.Y.Z-rcN-N-gHASH)");
      }
      return version;
    });
  }

  Optional<VersionMatcher> matcher(String pointer) {
    return string(pointer).flatMap(text -> {
      Optional<VersionMatcher> matcher = VersionMatcher.tryParse(text);
      if (matcher.isEmpty()) {
        problem(pointer, ProblemReason.INVALID_VALUE, dotted(pointer) + ": '" + text
            + "' is not an SLS version matcher (expected e.g. 2.x.x, 2.3.x or 2.3.4)");
      }
      return matcher;
    });
  }

  Optional<ProductId> productId(String pointer) {
    return string(pointer).flatMap(text -> {
      Optional<ProductId> id = ProductId.tryParse(text);
      if (id.isEmpty()) {
        problem(pointer, ProblemReason.INVALID_VALUE,
            dotted(pointer) + ": '" + text + "' is not a product id (expected group:artifact, e.g. com.example:catalog)");
      }
      return id;
    });
  }

  void problem(String pointer, ProblemReason reason, String message) {
    problems.add(new Problem(at(pointer), reason, message));
  }

  /** {@code /spec/channels/0} as a person writes it: {@code spec.channels[0]}. */
  static String dotted(String pointer) {
    StringBuilder out = new StringBuilder();
    for (String part : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
      String key = part.replace("~1", "/").replace("~0", "~");
      if (!key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
        out.append('[').append(key).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(key);
      }
    }
    return out.toString();
  }
}
