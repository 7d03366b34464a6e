package io.apollo.spoke.operator.sls;

import io.apollo.core.config.ProductId;
import io.apollo.core.load.Problem;
import io.apollo.core.load.yaml.ParsedFile;
import io.apollo.core.load.yaml.SafeYaml;
import io.apollo.core.load.yaml.YamlLimits;
import io.apollo.core.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The parts of an unpacked distribution's {@code deployment/manifest.yml} the operator relies on. Read with core's
 * hardened YAML reader; the product and version must be the ones the plan names, so a release document pointing at
 * the wrong artifact fails before anything starts.
 */
record Manifest(String productGroup, String productName, String productVersion) {
  static final String PATH = "deployment/manifest.yml";
  private static final long MAX_BYTES = 256 * 1024;

  /** Reads and checks the manifest of {@code distRoot} against the plan's product and target version. */
  static Manifest readAndCheck(Path distRoot, ProductId product, Version version) {
    Path file = distRoot.resolve(PATH);
    byte[] bytes;
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw invalid("the distribution has no " + PATH);
      }
      if (Files.size(file) > MAX_BYTES) {
        throw invalid(PATH + " is larger than " + MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SlsFailure(SlsReason.MANIFEST_INVALID, "could not read " + PATH + ": " + e, e);
    }
    ParsedFile parsed = SafeYaml.parse(PATH, bytes, YamlLimits.defaults());
    if (!parsed.problems().isEmpty()) {
      throw invalid(parsed.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")));
    }
    if (parsed.documents().size() != 1 || !parsed.documents().getFirst().root().isObject()) {
      throw invalid(PATH + " must hold one YAML mapping");
    }
    JsonNode root = parsed.documents().getFirst().root();
    Manifest manifest = new Manifest(text(root, "product-group"), text(root, "product-name"),
        text(root, "product-version"));
    if (!manifest.productGroup().equals(product.group()) || !manifest.productName().equals(product.artifact())) {
      throw invalid(PATH + " is for " + manifest.productGroup() + ":" + manifest.productName()
          + ", but the plan is for " + product + " (does the release's artifact uri point at the right distribution?)");
    }
    if (!manifest.productVersion().equals(version.toString())) {
      throw invalid(PATH + " says product-version " + manifest.productVersion() + ", but the plan installs " + version
          + " (does the release's artifact uri point at the right distribution?)");
    }
    return manifest;
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isValueNode() || node.asString().isBlank()) {
      throw invalid(PATH + " has no " + field);
    }
    return node.asString();
  }

  private static SlsFailure invalid(String message) {
    return new SlsFailure(SlsReason.MANIFEST_INVALID, message);
  }
}
