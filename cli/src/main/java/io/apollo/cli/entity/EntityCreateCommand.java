package io.apollo.cli.entity;

import io.apollo.cli.CliException;
import io.apollo.cli.edit.NewDocument;
import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.product.Products;
import io.apollo.cli.repo.Change;
import io.apollo.cli.repo.ChangeOptions;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.Outcome;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.Environment;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.config.SpokeRef;
import io.apollo.core.version.Channel;
import io.apollo.core.version.Version;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code apollo entity create}: deploys a product to an environment by adding an Entity document (pinned to a
 * version, or following a channel) to {@code entities/<environment>.yaml}. The hub plans the install. Prints the
 * ENTITY_ID. Exit 0 committed, 1 refused (unknown product, environment or release, a recalled release), 2 usage.
 */
@Command(
    name = "create",
    description = "Deploy a product to an environment: add the entity, pinned or following a channel, and commit.",
    footer = {"", "Examples:",
        "  apollo entity create --product com.example:catalog-service \\",
        "      --version 1.0.0 \\",
        "      --environment staging",
        "  apollo entity create --product com.example:catalog-service \\",
        "      --channel stable \\",
        "      --environment production"})
public final class EntityCreateCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--product", required = true, paramLabel = "PRODUCT", description = "group:artifact.")
  String product;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--version", paramLabel = "VERSION", description = "Pin this release.")
    String version;

    @Option(names = "--channel", paramLabel = "CHANNEL", description = "Follow the newest release on dev, beta or stable.")
    String channel;
  }

  @Option(names = "--environment", required = true, paramLabel = "ENV", description = "An environment of the repository.")
  String environment;

  @Option(names = "--spoke", paramLabel = "SPOKE", description = "The spoke to run on (needed when the environment has several).")
  String spoke;

  @Option(names = "--name", paramLabel = "NAME", description = "The entity's name (default: the product's artifact name).")
  String name;

  @Mixin ChangeOptions change;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    ProductId productId = Products.parseId(spec, "--product", product);
    EntityId id = new EntityId(environment, name != null ? name : productId.artifact());
    ConfigRepo repo = change.repo.open(spec.commandLine().getErr());
    ConfigRepo.Snapshot head = repo.snapshot();
    DesiredState state = head.state();
    Products.require(state, productId);
    Environment env = requireEnvironment(state);
    state.entity(id).ifPresent(e -> {
      throw new CliException("entity " + id + " already exists (" + e.origin() + "); edit its version or channel"
          + " there, or give another --name");
    });
    NewDocument document = NewDocument.of("Entity", id.name());
    document.spec().put("product", productId.toString());
    document.spec().put("environment", environment);
    if (spoke != null) {
      document.spec().put("spoke", spoke);
    } else if (env.spokes().size() > 1) {
      throw new CliException("environment " + environment + " has several spokes (" + env.spokes().stream()
          .map(SpokeRef::name).collect(Collectors.joining(", ")) + "); choose one with --spoke");
    }
    String wants;
    if (target.version != null) {
      Version version = Version.tryParse(target.version).orElseThrow(() -> usage("--version '" + target.version
          + "' is not an SLS version; use X.Y.Z, X.Y.Z-rcN or X.Y.Z-N-gHASH"));
      Release release = state.release(productId, version).orElseThrow(() -> new CliException("no release "
          + productId + ":" + version + " to pin; record it first: apollo release create " + productId
          + " --version " + version + " (apollo release list " + productId + " shows what exists)"));
      release.recalled().ifPresent(r -> {
        throw new CliException(productId + ":" + version + " is recalled (" + r.reason() + "); pin another"
            + " release (apollo release list " + productId + ")");
      });
      document.spec().put("version", version.toString());
      wants = version.toString();
    } else {
      Channel channel = Channel.fromWireName(target.channel).orElseThrow(() -> usage("--channel '" + target.channel
          + "' is not a channel; use dev, beta or stable"));
      document.spec().put("channel", channel.wireName());
      wants = "the " + channel + " channel";
    }
    String path = state.entitiesIn(environment).stream().findFirst().map(e -> e.origin().path())
        .orElse("entities/" + environment + ".yaml");
    String comment = "Added with apollo entity create.";
    String text = head.text(path).map(existing -> document.appendedTo(existing, comment))
        .orElseGet(() -> document.asNewFile(comment));
    String message = "Deploy " + productId + " to " + environment + " at " + wants + " as " + id
        + "\n\nMade with apollo entity create.";
    Outcome outcome = change.apply(repo, Change.write(message, Map.of(path, text),
        "deploy-" + environment + "-" + id.name()));
    if (format == OutputFormat.JSON) {
      spec.commandLine().getOut().println(Json.write(outcome.addTo(Json.object().put("entity", id.toString())
          .put("file", path))));
    } else {
      spec.commandLine().getOut().print("Entity " + id + "\n" + outcome.describe(message)
          + "The hub plans its install at its next pass; follow it with: apollo entity status " + id + "\n");
    }
    return 0;
  }

  private Environment requireEnvironment(DesiredState state) {
    Environment env = state.environments().get(environment);
    if (env == null) {
      throw new CliException("no environment " + environment + " in the repository (it has "
          + String.join(", ", state.environments().keySet()) + "); environments are defined in environments/");
    }
    if (spoke != null && env.spokes().stream().noneMatch(s -> s.name().equals(spoke))) {
      throw new CliException("environment " + environment + " has no spoke " + spoke + " (it has "
          + env.spokes().stream().map(SpokeRef::name).collect(Collectors.joining(", ")) + ")");
    }
    return env;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

}
