package io.apollo.core.load.yaml;

/** Parses YAML files under {@link YamlLimits}; see the package doc for what is refused. */
public final class SafeYaml {
  private SafeYaml() {}

  /**
   * Parses every document of one file. Never throws for bad input: each problem comes back positioned, and the
   * documents read before a fatal error are kept.
   */
  public static ParsedFile parse(String path, byte[] content, YamlLimits limits) {
    throw new UnsupportedOperationException("being written");
  }
}
