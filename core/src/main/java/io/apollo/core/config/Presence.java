package io.apollo.core.config;

import java.util.Arrays;
import java.util.Optional;

/** Whether an entity should run ({@code spec.state}). */
public enum Presence {
  /** The default: the entity should be installed and kept at its target. */
  PRESENT("present"),
  /** The entity should be uninstalled. The only way to uninstall: a deleted or unreadable file never is. */
  ABSENT("absent");

  private final String wireName;

  Presence(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Presence> fromWireName(String name) {
    return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
