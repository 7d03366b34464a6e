package io.apollo.core.config;

import java.util.Map;
import java.util.Set;

/**
 * Which entities a constraint applies to. Every given field must match (AND); an empty field matches everything, so
 * an empty selector selects every entity. {@code entities} holds entity ids ({@code production/catalog}) or bare
 * entity names ({@code catalog}, any environment); {@code labels} match the entity's labels.
 */
public record Selector(
    Set<String> environments, Set<ProductId> products, Set<String> entities, Map<String, String> labels) {

  public Selector {
    environments = Set.copyOf(environments == null ? Set.of() : environments);
    products = Set.copyOf(products == null ? Set.of() : products);
    entities = Set.copyOf(entities == null ? Set.of() : entities);
    labels = Map.copyOf(labels == null ? Map.of() : labels);
  }

  public static Selector everything() {
    return new Selector(Set.of(), Set.of(), Set.of(), Map.of());
  }

  /** Called once per entity per constraint in every planning pass: kept free of streams and string building. */
  public boolean matches(Entity entity) {
    if (!environments.isEmpty() && !environments.contains(entity.environment())) {
      return false;
    }
    if (!products.isEmpty() && !products.contains(entity.product())) {
      return false;
    }
    if (!entities.isEmpty() && !entities.contains(entity.id().name()) && !entities.contains(entity.id().toString())) {
      return false;
    }
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (!label.getValue().equals(entity.metadata().labels().get(label.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
