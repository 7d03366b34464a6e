package io.apollo.core.config;

import java.util.List;

/**
 * The parts of an SLS {@code deployment/manifest.yml} that Apollo reads: what the release is and which products it
 * depends on. Keys in YAML are verbatim SLS ({@code product-type}, {@code product-group}, ...).
 */
public record Manifest(
    String productType,
    String productGroup,
    String productName,
    String productVersion,
    List<ProductDependency> productDependencies) {
  public Manifest {
    productDependencies = List.copyOf(productDependencies == null ? List.of() : productDependencies);
  }

  public static Manifest empty() {
    return new Manifest(null, null, null, null, List.of());
  }
}
