package io.apollo.reconciler.gitsync;

import java.util.Objects;

/** One file the hub writes into the config repository: a path relative to its root, and the file's text. */
public record FileWrite(String path, String content) {
  public FileWrite {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
      throw new IllegalArgumentException("not a path inside the repository: " + path);
    }
  }
}
