package io.apollo.spoke.operator.sls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The entity's {@code config} as the service reads it: YAML in {@code var/conf/<product-name>.yml} of the version's
 * folder, rewritten whole (atomically) by installs, upgrades and config updates.
 */
final class ServiceConfig {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private ServiceConfig() {}

  static Path file(Path distRoot, String productName) {
    return distRoot.resolve("var/conf").resolve(productName + ".yml");
  }

  /** Beside the unpacked files, the digest of the config written, so that observe can name it without the record. */
  static final String DIGEST_MARK = ".apollo-config-digest";

  /** Writes {@code config}, and {@code digest} beside it. */
  static void write(WorkFolder work, Path distRoot, String productName, Map<String, Object> config, String digest) {
    work.writeAtomically(file(distRoot, productName), YAML.writeValueAsString(config));
    work.writeAtomically(distRoot.resolve(DIGEST_MARK), digest + "\n");
  }

  /** Puts back a config file's text and its digest as {@link #current} and {@link #digest} read them. */
  static void restore(WorkFolder work, Path distRoot, String productName, Optional<String> text,
      Optional<String> digest) {
    text.ifPresent(t -> work.writeAtomically(file(distRoot, productName), t));
    digest.ifPresent(d -> work.writeAtomically(distRoot.resolve(DIGEST_MARK), d + "\n"));
  }

  /** The digest of the config last written into {@code distRoot}, when there is one. */
  static Optional<String> digest(Path distRoot) {
    try {
      String text = Files.readString(distRoot.resolve(DIGEST_MARK)).strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** The text of the config file now, to put back when a config update fails; empty when there is none. */
  static Optional<String> current(Path distRoot, String productName) {
    try {
      Path file = file(distRoot, productName);
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    } catch (java.io.IOException e) {
      throw new SlsFailure(SlsReason.DISK_FAILED, "could not read the config of " + distRoot + ": " + e, e);
    }
  }
}
