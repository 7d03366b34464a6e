package io.apollo.core.load;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.Kind;
import io.apollo.core.config.Origin;
import io.apollo.core.load.yaml.YamlDocument;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What we could still learn of documents that failed validation: their kind, name and position, so that references
 * to them say "defined but broken" instead of "unknown", and entity ids so broken entities are shown as invalid.
 */
final class BrokenDocuments {
  private final Map<Kind, Map<String, Origin>> byKind = new EnumMap<>(Kind.class);
  private final Set<EntityId> entityIds = new HashSet<>();

  void add(Kind kind, YamlDocument document) {
    JsonNode root = document.root();
    String name = text(root.at("/metadata/name"));
    if (name == null) {
      return;
    }
    switch (kind) {
      case ENTITY -> {
        String environment = text(root.at("/spec/environment"));
        if (environment != null) {
          entityIds.add(new EntityId(environment, name));
        }
      }
      case RELEASE -> {
        String product = text(root.at("/spec/product"));
        String version = text(root.at("/spec/version"));
        if (product != null && version != null) {
          add(kind, product + "@" + version, document.start());
        }
      }
      default -> add(kind, name, document.start());
    }
  }

  void add(Kind kind, String name, Origin origin) {
    byKind.computeIfAbsent(kind, k -> new HashMap<>()).putIfAbsent(name, origin);
  }

  void addEntity(EntityId id) {
    entityIds.add(id);
  }

  /** Adds what another file found; earlier files win for a name, as in reading order. */
  void addAll(BrokenDocuments other) {
    other.byKind.forEach((kind, names) -> names.forEach((name, origin) -> add(kind, name, origin)));
    entityIds.addAll(other.entityIds);
  }

  Optional<Origin> origin(Kind kind, String name) {
    return Optional.ofNullable(byKind.getOrDefault(kind, Map.of()).get(name));
  }

  /** The broken documents of {@code kind} that had a name, with where each is (the first, in reading order). */
  Map<String, Origin> named(Kind kind) {
    return Map.copyOf(byKind.getOrDefault(kind, Map.of()));
  }

  /** Whether a document of one of {@code kinds} is known here. */
  boolean namesAny(Kind... kinds) {
    for (Kind kind : kinds) {
      if (!byKind.getOrDefault(kind, Map.of()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  Set<EntityId> entityIds() {
    return Set.copyOf(entityIds);
  }

  private static String text(JsonNode node) {
    return node.isString() && !node.asString().isBlank() ? node.asString() : null;
  }
}
