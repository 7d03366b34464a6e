package io.apollo.core.load.schema;

import io.apollo.core.Spelling;

import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** How paths, values and JSON types read in messages meant for people who write YAML. */
final class Wording {
  private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  private Wording() {}

  /** RFC 6901 pointer of a validator path. */
  static String pointer(NodePath path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      out.append('/').append(escape(String.valueOf(path.getElement(i))));
    }
    return out.toString();
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** {@code spec.rules[0].match}; keys that are not plain words are quoted ({@code labels['app/name']}). */
  static String dotted(NodePath path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      if (element instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else if (SIMPLE_KEY.matcher(String.valueOf(element)).matches()) {
        out.append(out.length() == 0 ? "" : ".").append(element);
      } else {
        out.append("['").append(element).append("']");
      }
    }
    return out.toString();
  }

  /** A value as it appears in a message: text in single quotes, anything else as written in JSON. */
  static String value(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isString()) {
      return "'" + node.stringValue() + "'";
    }
    if (node.isNull()) {
      return "an empty value";
    }
    if (node.isContainer()) {
      return typeNoun(node);
    }
    return node.toString();
  }

  /** The enum values as a person lists them: {@code low, medium, high, critical}. */
  static String list(JsonNode values) {
    List<String> out = new ArrayList<>();
    for (JsonNode value : values.values()) {
      out.add(value.isString() ? value.stringValue() : value.toString());
    }
    return String.join(", ", out);
  }

  /** {@code a string}, {@code a mapping}: the kind of an instance value, in YAML terms. */
  static String typeNoun(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "an empty value";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isString()) {
      return "a string";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return node.isIntegralNumber() ? "an integer" : "a number";
  }

  /** The same words for a JSON Schema type name. */
  static String typeNoun(String schemaType) {
    return switch (schemaType) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "string" -> "a string";
      case "boolean" -> "a boolean (true or false)";
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "null" -> "an empty value";
      default -> schemaType;
    };
  }

  /** {@code 'a' or 'b'}, {@code 'a', 'b' or 'c'}. */
  static String either(List<String> words) {
    return join(words, " or ");
  }

  /** {@code 'a' and 'b'}, {@code 'a', 'b' and 'c'}. */
  static String all(List<String> words) {
    return join(words, " and ");
  }

  private static String join(List<String> words, String last) {
    if (words.size() <= 1) {
      return String.join("", words);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + last + words.get(words.size() - 1);
  }

  /** The closest allowed name to a misspelt one, when it is close enough to be a likely typo. */
  static String closest(String name, List<String> allowed) {
    String best = null;
    int bestDistance = Math.max(2, name.length() / 4) + 1;
    for (String candidate : allowed) {
      int distance =
          Spelling.distance(name.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }
}
