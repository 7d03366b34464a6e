package io.apollo.cli.release;

import io.apollo.cli.CliException;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.repo.Change;
import io.apollo.cli.repo.ChangeOptions;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.Outcome;
import io.apollo.core.config.ProductId;
import io.apollo.core.version.Version;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code apollo release publish DIST.tgz}: what a build pipeline's {@code sls-publish} step does. Reads the
 * distribution's {@code deployment/manifest.yml}, computes the file's SHA-256, and records the Release with the
 * manifest verbatim (so its product-dependencies count) and the artifact. Exit 0, 1 refused, 2 usage error.
 */
@Command(
    name = "publish",
    description = "Record the release an SLS distribution (.tgz) holds: manifest, dependencies and checksum.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo release publish build/distributions/catalog-service-2.1.0.sls.tgz \\",
        "      --artifact-uri https://artifacts.example.com/cs-2.1.0.sls.tgz"})
public final class ReleasePublishCommand implements Callable<Integer> {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  @Parameters(index = "0", paramLabel = "DIST.tgz", description = "The SLS distribution.")
  Path distribution;

  @Option(names = "--artifact-uri", paramLabel = "URI",
      description = "Where spokes download it (default: the file's own file: URI, for a spoke on this machine).")
  String artifactUri;

  @Option(names = "--channel", paramLabel = "CHANNEL", description = "dev, beta or stable (default: the version's own).")
  List<String> channels = List.of();

  @Mixin ChangeOptions change;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    var channelList = channels.stream().map(c -> Releases.parseChannel(spec, c)).distinct().toList();
    SlsDistribution dist = SlsDistribution.read(distribution);
    JsonNode manifest = parse(dist);
    ProductId product = ProductId.tryParse(field(dist, manifest, "product-group") + ":"
        + field(dist, manifest, "product-name")).orElseThrow(() -> new CliException(distribution + "!"
            + dist.manifestPath() + ": product-group and product-name do not make a product id"));
    String versionText = field(dist, manifest, "product-version");
    Version version = Version.tryParse(versionText).orElseThrow(() -> new CliException(distribution + "!"
        + dist.manifestPath() + ": product-version '" + versionText + "' is not an SLS version"));
    ReleaseId id = new ReleaseId(product, version);
    String uri = artifactUri != null ? artifactUri : distribution.toAbsolutePath().normalize().toUri().toString();
    ConfigRepo repo = change.repo.open(spec.commandLine().getErr());
    Change made = new NewRelease(id, channelList, Optional.of(uri), Optional.of(dist.sha256()),
        Optional.of(manifest), "publish").change(repo.snapshot());
    Outcome outcome = change.apply(repo, made);
    ReleaseCreateCommand.print(spec, format, id, outcome, made.message());
    return 0;
  }

  private JsonNode parse(SlsDistribution dist) {
    try {
      JsonNode tree = YAML.readTree(dist.manifestText());
      if (tree == null || !tree.isObject()) {
        throw new CliException(distribution + "!" + dist.manifestPath() + ": not a YAML map");
      }
      return tree;
    } catch (tools.jackson.core.JacksonException e) {
      throw new CliException(distribution + "!" + dist.manifestPath() + ": not YAML (" + e.getOriginalMessage() + ")",
          e);
    }
  }

  private String field(SlsDistribution dist, JsonNode manifest, String name) {
    JsonNode value = manifest.get(name);
    if (value == null || !value.isValueNode() || value.asString().isBlank()) {
      throw new CliException(distribution + "!" + dist.manifestPath() + ": has no " + name + "; sls-packaging"
          + " writes it, check the build");
    }
    return value.asString();
  }
}
