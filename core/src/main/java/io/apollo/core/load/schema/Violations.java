package io.apollo.core.load.schema;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns the validator's errors into {@link Violation}s a person can act on. Each keyword gets its own wording, and a
 * failed {@code oneOf}/{@code anyOf} becomes one message instead of one per branch: a choice between required fields
 * says which to give; otherwise the branch whose type fits the value speaks, or the types are listed.
 */
final class Violations {
  private final Map<String, JsonNode> schemasById;

  /** {@code schemasById}: every bundled schema's JSON, by its {@code $id}, to read allowed keys and examples from. */
  Violations(Map<String, JsonNode> schemasById) {
    this.schemasById = schemasById;
  }

  List<Violation> translate(List<Error> errors) {
    List<Violation> out = new ArrayList<>();
    translateInto(errors, out);
    return out;
  }

  private void translateInto(List<Error> errors, List<Violation> out) {
    List<Error> outermostFirst = new ArrayList<>(errors);
    outermostFirst.sort(Comparator.comparingInt(e -> e.getEvaluationPath().getNameCount()));
    Set<Error> consumed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Error error : outermostFirst) {
      if (consumed.contains(error)) {
        continue;
      }
      if (isComposite(error)) {
        List<Error> branchErrors = underneath(error, errors);
        consumed.addAll(branchErrors);
        composite(error, branchErrors, out);
      } else {
        out.add(single(error));
      }
    }
  }

  private static boolean isComposite(Error error) {
    return "oneOf".equals(error.getKeyword()) || "anyOf".equals(error.getKeyword());
  }

  /**
   * The errors of a composite's branches: below it in the schema and at or below its value in the instance (the same
   * schema path recurs for every item of a list).
   */
  private static List<Error> underneath(Error composite, List<Error> errors) {
    String schemaPrefix = Wording.pointer(composite.getEvaluationPath()) + "/";
    String instance = Wording.pointer(composite.getInstanceLocation());
    return errors.stream()
        .filter(e -> Wording.pointer(e.getEvaluationPath()).startsWith(schemaPrefix))
        .filter(e -> {
          String at = Wording.pointer(e.getInstanceLocation());
          return at.equals(instance) || at.startsWith(instance + "/");
        })
        .toList();
  }

  private void composite(Error error, List<Error> branchErrors, List<Violation> out) {
    NodePath at = error.getInstanceLocation();
    JsonNode instance = error.getInstanceNode();
    Map<String, String> choices = requiredChoices(error.getSchemaNode());
    if (choices != null) {
      out.add(new Violation(Wording.pointer(at), Wording.dotted(at), chooseOne(choices, instance)));
      return;
    }
    if ("oneOf.indexes".equals(error.getMessageKey())) {
      out.add(new Violation(Wording.pointer(at), Wording.dotted(at),
          "matches more than one of the allowed forms; make it match exactly one"));
      return;
    }
    Map<Integer, List<Error>> byBranch = byBranch(error, branchErrors);
    List<Integer> fitting = new ArrayList<>();
    Set<String> expectedTypes = new LinkedHashSet<>();
    for (int branch = 0; branch < error.getSchemaNode().size(); branch++) {
      List<Error> own = byBranch.getOrDefault(branch, List.of());
      List<Error> typeErrors = own.stream()
          .filter(e -> "type".equals(e.getKeyword()) && e.getInstanceLocation().equals(at)).toList();
      if (typeErrors.isEmpty()) {
        fitting.add(branch);
      }
      typeErrors.forEach(e -> expectedTypes.addAll(typeNouns(e.getSchemaNode())));
    }
    if (fitting.isEmpty()) {
      out.add(new Violation(Wording.pointer(at), Wording.dotted(at),
          "expected " + Wording.either(List.copyOf(expectedTypes)) + ", got " + Wording.typeNoun(instance)));
      return;
    }
    // The branch whose type fits says what is wrong; of several, the one with the fewest complaints.
    int best = fitting.stream()
        .min(Comparator.comparingInt(b -> byBranch.getOrDefault(b, List.of()).size())).orElseThrow();
    List<Error> chosen = byBranch.getOrDefault(best, List.of());
    if (chosen.isEmpty()) {
      out.add(new Violation(Wording.pointer(at), Wording.dotted(at), "does not match any of the allowed forms"));
    } else {
      translateInto(chosen, out);
    }
  }

  private static Map<Integer, List<Error>> byBranch(Error composite, List<Error> branchErrors) {
    int depth = composite.getEvaluationPath().getNameCount();
    Map<Integer, List<Error>> byBranch = new LinkedHashMap<>();
    for (Error e : branchErrors) {
      int branch = Integer.parseInt(String.valueOf(e.getEvaluationPath().getElement(depth)));
      byBranch.computeIfAbsent(branch, b -> new ArrayList<>()).add(e);
    }
    return byBranch;
  }

  /**
   * When every branch only requires one field ({@code {title: pin, required: [version]}}), the field names with
   * their titles; otherwise null.
   */
  private static Map<String, String> requiredChoices(JsonNode branches) {
    Map<String, String> choices = new LinkedHashMap<>();
    for (JsonNode branch : branches.values()) {
      JsonNode required = branch.get("required");
      boolean onlyRequired = branch.propertyNames().stream()
          .allMatch(k -> k.equals("required") || k.equals("title") || k.equals("description"));
      if (!onlyRequired || required == null || required.size() != 1) {
        return null;
      }
      choices.put(required.get(0).stringValue(), branch.path("title").asString(""));
    }
    return choices;
  }

  private static String chooseOne(Map<String, String> choices, JsonNode instance) {
    List<String> options = new ArrayList<>();
    choices.forEach((name, title) -> options.add("'" + name + "'" + (title.isEmpty() ? "" : " (" + title + ")")));
    List<String> given = choices.keySet().stream().filter(instance::has).map(n -> "'" + n + "'").toList();
    String text = "give exactly one of " + Wording.either(options);
    if (given.size() > 1) {
      return text + (choices.size() == 2 ? ", not both" : ", not several (got " + Wording.all(given) + ")");
    }
    return text + (choices.size() == 2 ? ", got neither" : ", got none");
  }

  private Violation single(Error error) {
    NodePath at = error.getInstanceLocation();
    String pointer = Wording.pointer(at);
    String field = Wording.dotted(at);
    JsonNode value = error.getInstanceNode();
    JsonNode keywordValue = error.getSchemaNode();
    String keyword = String.valueOf(error.getKeyword());
    return switch (keyword) {
      case "required" -> new Violation(pointer, field, "missing required field '" + error.getProperty() + "'");
      case "additionalProperties" -> unknownField(error, pointer, field);
      case "enum" -> new Violation(pointer, field, Wording.value(value) + " is not one of " + Wording.list(keywordValue));
      case "const" -> new Violation(pointer, field,
          "must be " + Wording.value(keywordValue) + ", not " + Wording.value(value));
      case "type" -> new Violation(pointer, field, wrongType(keywordValue, value));
      case "pattern" -> new Violation(pointer, field,
          Wording.value(value) + " is not in the expected form" + examples(error.getSchemaLocation(), keywordValue));
      case "format" -> new Violation(pointer, field,
          Wording.value(value) + " is not a valid " + keywordValue.asString() + formatHint(keywordValue.asString()));
      case "minLength" -> new Violation(pointer, field, keywordValue.asInt() <= 1 ? "must not be empty"
          : "must be at least " + keywordValue.asInt() + " characters long");
      case "minItems" -> new Violation(pointer, field, keywordValue.asInt() <= 1 ? "must list at least one item"
          : "must list at least " + keywordValue.asInt() + " items");
      case "uniqueItems" -> new Violation(pointer, field, "lists the same item more than once");
      default -> new Violation(pointer, field, error.getMessage());
    };
  }

  private Violation unknownField(Error error, String pointer, String field) {
    String name = error.getProperty();
    List<String> allowed = new ArrayList<>(enclosing(error.getSchemaLocation()).path("properties").propertyNames());
    String where = field.isEmpty() ? "at the top level" : "in " + field;
    String suggestion = Wording.closest(name, allowed);
    String text = "unknown field '" + name + "' " + where
        + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?")
        + (allowed.isEmpty() ? "" : " (allowed: " + String.join(", ", allowed) + ")");
    return new Violation(pointer + "/" + Wording.escape(name), "", text);
  }

  private static String wrongType(JsonNode expected, JsonNode value) {
    List<String> nouns = typeNouns(expected);
    String text = "expected " + Wording.either(nouns) + ", got " + Wording.typeNoun(value);
    boolean wantsText = expected.isString() ? expected.asString().equals("string")
        : expected.values().stream().anyMatch(t -> t.asString().equals("string"));
    if (wantsText && value != null && (value.isNumber() || value.isBoolean())) {
      text += " (put it in quotes to keep it as text)";
    }
    return text;
  }

  private static List<String> typeNouns(JsonNode typeKeyword) {
    if (typeKeyword == null) {
      return List.of();
    }
    if (typeKeyword.isString()) {
      return List.of(Wording.typeNoun(typeKeyword.asString()));
    }
    return typeKeyword.values().stream().map(t -> Wording.typeNoun(t.asString())).toList();
  }

  private String examples(SchemaLocation location, JsonNode pattern) {
    JsonNode examples = enclosing(location).path("examples");
    if (examples.isArray() && !examples.isEmpty()) {
      return " (for example " + Wording.either(examples.values().stream().map(JsonNode::asString).toList()) + ")";
    }
    return " (it must match " + pattern.asString() + ")";
  }

  private static String formatHint(String format) {
    return switch (format) {
      case "date-time" -> " (an RFC 3339 instant such as 2025-01-31T14:00:00Z)";
      case "uri" -> " (an absolute URI such as https://spoke.example.com:8443)";
      case "date" -> " (a date such as 2025-01-31)";
      default -> "";
    };
  }

  /** The schema object that holds the keyword at {@code location}; a missing node when it cannot be found. */
  private JsonNode enclosing(SchemaLocation location) {
    JsonNode schema = schemasById.get(location.getAbsoluteIri().toString());
    NodePath keyword = location.getFragment();
    if (schema == null || keyword == null || keyword.getNameCount() == 0) {
      return tools.jackson.databind.node.MissingNode.getInstance();
    }
    return schema.at(Wording.pointer(keyword.getParent()));
  }
}
