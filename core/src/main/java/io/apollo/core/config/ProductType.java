package io.apollo.core.config;

import java.util.Arrays;
import java.util.Optional;

/** Which spoke operator runs a product. */
public enum ProductType {
  /** A helm chart, run by the spoke's helm operator. */
  HELM_CHART("helm-chart"),
  /** An SLS distribution run as a local process by the spoke's sls operator. */
  SLS_SERVICE("sls-service");

  private final String wireName;

  ProductType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ProductType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
