package io.apollo.core.load.yaml;

import java.util.Optional;
import java.util.Set;

/**
 * Which explicit YAML tags Apollo accepts: only the YAML 1.2 core schema's own ({@code !!str !!int !!float !!bool
 * !!null !!map !!seq}, short or {@code tag:yaml.org,2002:} form), each on a node of its shape. Anything else names a
 * type outside plain data ({@code !!java.lang.Runtime}, {@code !foo}) and is exactly what unsafe loaders act on.
 */
final class Tags {
  static final String CORE_PREFIX = "tag:yaml.org,2002:";
  private static final Set<String> SCALAR_TAGS = Set.of("str", "int", "float", "bool", "null");
  private static final String ALLOWED = "!!str, !!int, !!float, !!bool, !!null, !!map, !!seq";

  /** The three node shapes a tag can sit on. */
  enum Shape {
    /** A single value. */
    SCALAR("a single value"),
    /** A mapping of keys to values. */
    MAPPING("a mapping"),
    /** A list. */
    SEQUENCE("a list");

    private final String noun;

    Shape(String noun) {
      this.noun = noun;
    }
  }

  private Tags() {}

  /** Why a node's explicit tag is refused, or empty when the node has none or an accepted one. */
  static Optional<String> refusal(Optional<String> tag, Shape shape) {
    if (tag.isEmpty()) {
      return Optional.empty();
    }
    String written = display(tag.get());
    String core = coreName(tag.get());
    if (core == null || !(SCALAR_TAGS.contains(core) || core.equals("map") || core.equals("seq"))) {
      return Optional.of(
          "tag '" + written + "' is not allowed: Apollo reads plain data only (allowed tags: " + ALLOWED + ")");
    }
    Shape fits = core.equals("map") ? Shape.MAPPING : core.equals("seq") ? Shape.SEQUENCE : Shape.SCALAR;
    if (fits != shape) {
      return Optional.of("tag '" + written + "' cannot be put on " + shape.noun);
    }
    return Optional.empty();
  }

  /** The core schema name ({@code int}) of a resolved tag, or null when it is not a core schema tag. */
  static String coreName(String tag) {
    return tag.startsWith(CORE_PREFIX) ? tag.substring(CORE_PREFIX.length()) : null;
  }

  /** A tag as a person writes it: {@code !!int} for core schema tags, verbatim otherwise. */
  static String display(String tag) {
    String core = coreName(tag);
    return core == null ? tag : "!!" + core;
  }
}
