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

  static void write(WorkFolder work, Path distRoot, String productName, Map<String, Object> config) {
    work.writeAtomically(file(distRoot, productName), YAML.writeValueAsString(config));
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
