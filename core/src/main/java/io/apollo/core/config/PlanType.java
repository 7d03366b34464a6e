package io.apollo.core.config;

import java.util.Arrays;
import java.util.Optional;

/** What a plan does to an entity. Wire names are lower case, as users write them. */
public enum PlanType {
  /** Nothing runs yet: install the target version. */
  INSTALL("install"),
  /** The target is newer than what runs. */
  UPGRADE("upgrade"),
  /** The target is older than what runs (a recall, a lowered pin, or an automatic rollback after a failure). */
  ROLLBACK("rollback"),
  /** {@code state: absent}: remove the entity. */
  UNINSTALL("uninstall"),
  /** Same version, other config. */
  CONFIG_UPDATE("config_update");

  private final String wireName;

  PlanType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<PlanType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
