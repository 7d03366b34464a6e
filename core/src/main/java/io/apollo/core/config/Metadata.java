package io.apollo.core.config;

import java.util.Map;
import java.util.Objects;

/** The envelope's {@code metadata}: a name unique per kind and optional labels. */
public record Metadata(String name, Map<String, String> labels) {
  public Metadata {
    Objects.requireNonNull(name, "name");
    labels = Map.copyOf(labels == null ? Map.of() : labels);
  }

  public static Metadata named(String name) {
    return new Metadata(name, Map.of());
  }

}
