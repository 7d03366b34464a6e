package io.apollo.core.config;

import java.util.Objects;

/** Where something was written: a repo-relative path and a 1-based line and column. */
public record Origin(String path, int line, int column) {
  public Origin {
    Objects.requireNonNull(path, "path");
  }

  public static Origin of(String path) {
    return new Origin(path, 1, 1);
  }

  /** {@code path:line:col}, the form every problem is reported in. */
  @Override
  public String toString() {
    return path + ":" + line + ":" + column;
  }
}
