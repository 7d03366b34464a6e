package io.apollo.core.load.yaml;

/**
 * Caps that keep a hostile or broken file from exhausting the hub: bytes per file, alias references per file,
 * nesting depth, documents per file. Exceeding one is a {@code Problem}, never an exception or a stack overflow.
 */
public record YamlLimits(long maxFileBytes, int maxAliases, int maxDepth, int maxDocuments) {
  /** 1 MiB per file, 50 aliases, 64 levels, 1,000 documents. */
  public static YamlLimits defaults() {
    return new YamlLimits(1024 * 1024, 50, 64, 1000);
  }
}
