package io.apollo.cli.release;

import io.apollo.cli.product.Products;
import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.repo.Change;
import io.apollo.cli.repo.ChangeOptions;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.Outcome;
import io.apollo.core.config.ProductId;
import io.apollo.core.version.Version;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code apollo release create PRODUCT --version V}: records a release by hand (CI uses {@code release publish}).
 * Prints the RELEASE_ID. Exit 0 committed, 1 refused, 2 usage error (bad version, unknown channel).
 */
@Command(
    name = "create",
    description = "Record a release of a product and commit it; prints its id (group:artifact:version).",
    footer = {"", "Example:", "  apollo release create com.example:catalog-service --version 1.0.0 \\",
        "      --channel stable --artifact https://artifacts.example.com/cs-1.0.0.tgz \\",
        "      --sha256 8f06029a7807f6825ad0f5295222421f469e8f87947c10fd1ce635d80436c35f"})
public final class ReleaseCreateCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  @Parameters(index = "0", paramLabel = "PRODUCT", description = "group:artifact of a registered product.")
  String product;

  @Option(names = "--version", required = true, paramLabel = "VERSION", description = "An SLS version: X.Y.Z, X.Y.Z-rcN, X.Y.Z-N-gHASH.")
  String version;

  @Option(names = "--channel", paramLabel = "CHANNEL",
      description = "dev, beta or stable; repeat for several (default: the channel of the version's type).")
  List<String> channels = List.of();

  @Option(names = "--artifact", paramLabel = "URI", description = "Where the spoke downloads the distribution.")
  String artifact;

  @Option(names = "--sha256", paramLabel = "HEX", description = "The distribution's SHA-256, 64 hex digits.")
  String sha256;

  @Mixin ChangeOptions change;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    ProductId productId = Products.parseId(spec, "", product);
    Version parsed = Releases.parseVersion(spec, version);
    var channelList = channels.stream().map(c -> Releases.parseChannel(spec, c)).distinct().toList();
    if ((artifact == null) != (sha256 == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--artifact and --sha256 go together: the spoke verifies what it downloads");
    }
    if (sha256 != null && !SHA256.matcher(sha256).matches()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--sha256 must be 64 lower-case hex digits (sha256sum prints them)");
    }
    ReleaseId id = new ReleaseId(productId, parsed);
    ConfigRepo repo = change.repo.open(spec.commandLine().getErr());
    Change made = new NewRelease(id, channelList, Optional.ofNullable(artifact), Optional.ofNullable(sha256),
        Optional.empty(), "create").change(repo.snapshot());
    Outcome outcome = change.apply(repo, made);
    print(spec, format, id, outcome, made.message());
    return 0;
  }

  static void print(CommandLine.Model.CommandSpec spec, OutputFormat format, ReleaseId id, Outcome outcome,
      String message) {
    if (format == OutputFormat.JSON) {
      spec.commandLine().getOut().println(Json.write(outcome.addTo(Json.object().put("release", id.toString()))));
    } else {
      spec.commandLine().getOut().print("Release " + id + "\n" + outcome.describe(message));
    }
  }

}
