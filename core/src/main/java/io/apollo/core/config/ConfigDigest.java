package io.apollo.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The digest of an entity's config: {@code sha256:} + hex of a canonical rendering (keys sorted, no whitespace), so
 * that reordering keys or reformatting YAML does not look like a config change. Spokes report the same digest.
 */
public final class ConfigDigest {
  private ConfigDigest() {}

  public static String of(Map<String, Object> config) {
    StringBuilder out = new StringBuilder();
    render(config, out);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return "sha256:" + HexFormat.of().formatHex(sha.digest(out.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** An unmodifiable deep copy holding only maps, lists, strings, numbers, booleans and nulls. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> deepCopy(Map<String, Object> config) {
    if (config == null) {
      return Map.of();
    }
    return (Map<String, Object>) copyValue(config);
  }

  private static Object copyValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), copyValue(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(copyValue(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  private static void render(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : sorted(map).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(e.getKey(), out);
        out.append(':');
        render(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        render(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof String s) {
      string(s, out);
    } else {
      out.append(value); // numbers, booleans, null
    }
  }

  private static Map<String, Object> sorted(Map<?, ?> map) {
    Map<String, Object> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
    return sorted;
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
