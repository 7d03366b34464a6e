package io.apollo.core.config;

import java.util.Arrays;
import java.util.Optional;

/** How much it hurts when a product is down; approval rules can match on it. */
public enum Criticality {
  /** Internal tooling; an outage inconveniences. */
  LOW("low"),
  /** The default. */
  MEDIUM("medium"),
  /** Customer-facing; an outage is an incident. */
  HIGH("high"),
  /** Business-critical; changes usually need senior approval. */
  CRITICAL("critical");

  private final String wireName;

  Criticality(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Criticality> fromWireName(String name) {
    return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
