package io.apollo.spoke.options;

import java.util.Arrays;
import java.util.Optional;

/** How the spoke takes plans (DESIGN.md section 5). Wire and command-line names are lower case. */
public enum Mode {
  /** The hub pushes plans to {@code POST /v1/plans} on this spoke. */
  PUSH("push"),
  /** The spoke long-polls {@code GET {hub}/v1/spokes/{name}/plans}: for hosts the hub cannot reach. */
  POLL("poll");

  private final String wireName;

  Mode(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Mode> fromWireName(String name) {
    return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
