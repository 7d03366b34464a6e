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

  public boolean matches(Entity entity) {
    return (environments.isEmpty() || environments.contains(entity.environment()))
        && (products.isEmpty() || products.contains(entity.product()))
        && (entities.isEmpty()
            || entities.contains(entity.id().toString())
            || entities.contains(entity.id().name()))
        && labels.entrySet().stream()
            .allMatch(l -> l.getValue().equals(entity.metadata().labels().get(l.getKey())));
  }
}
