package io.apollo.core.config;

import java.util.Objects;

/** A deployable product ({@code kind: Product}); {@code metadata.name} is its {@link ProductId}. */
public record Product(
    Metadata metadata, ProductId id, String displayName, Criticality criticality, ProductType type, Origin origin) {
  public Product {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(criticality, "criticality");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(origin, "origin");
    displayName = displayName == null ? id.artifact() : displayName;
  }
}
