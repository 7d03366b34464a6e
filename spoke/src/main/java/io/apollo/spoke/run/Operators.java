package io.apollo.spoke.run;

import io.apollo.core.config.ProductType;
import io.apollo.spoke.operator.Operator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The operators this spoke has, by the product type each runs. The agent picks one per plan and knows no more. */
public final class Operators {
  private final Map<ProductType, Operator> byType;

  private Operators(Map<ProductType, Operator> byType) {
    this.byType = byType.isEmpty() ? Map.of() : new EnumMap<>(byType);
  }

  public static Operators of(Map<ProductType, Operator> byType) {
    return new Operators(byType);
  }

  public Optional<Operator> forType(ProductType type) {
    return Optional.ofNullable(byType.get(type));
  }

  public Set<ProductType> types() {
    return byType.keySet();
  }
}
