package io.apollo.cli.release;

import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.output.Style;
import io.apollo.cli.output.Table;
import io.apollo.cli.product.Products;
import io.apollo.cli.repo.RepoOption;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.version.Channel;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code apollo release list PRODUCT}: a product's releases, newest first. Exit 0, 1 unknown product, 2 usage. */
@Command(
    name = "list",
    description = "List a product's releases, newest first, with their channels and whether they are recalled.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo release list com.example:catalog-service"})
public final class ReleaseListCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PRODUCT", description = "group:artifact, e.g. com.example:catalog-service.")
  String product;

  @Mixin RepoOption repo;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    ProductId id = Products.parseId(spec, "", product);
    DesiredState state = repo.open(spec.commandLine().getErr()).snapshot().state();
    Products.require(state, id);
    if (format == OutputFormat.JSON) {
      ArrayNode releases = Json.object().putArray("releases");
      state.releasesOf(id).forEach(r -> releases.add(json(r)));
      spec.commandLine().getOut().println(Json.write(Json.object().set("releases", releases)));
      return 0;
    }
    Table table = Table.of("RELEASE", "VERSION", "CHANNELS", "FILE", "STATE");
    for (Release r : state.releasesOf(id)) {
      table.row(ReleaseId.of(r).toString(), r.version().toString(), channels(r), r.origin().toString(),
          r.recalled().map(recall -> Style.state("RECALLED") + ": " + recall.reason()).orElse("available"));
    }
    spec.commandLine().getOut().print(table.isEmpty()
        ? "No releases of " + id + " yet; add one: apollo release create " + id + " --version 1.0.0\n"
        : table.render());
    return 0;
  }

  static String channels(Release release) {
    return release.sortedChannels().stream().map(Channel::wireName).collect(Collectors.joining(","));
  }

  static ObjectNode json(Release release) {
    ObjectNode node = Json.object();
    node.put("id", ReleaseId.of(release).toString());
    node.put("product", release.product().toString());
    node.put("version", release.version().toString());
    ArrayNode channels = node.putArray("channels");
    release.sortedChannels().forEach(c -> channels.add(c.wireName()));
    release.recalled().ifPresentOrElse(r -> node.putObject("recalled").put("reason", r.reason()),
        () -> node.putNull("recalled"));
    release.artifact().ifPresent(a -> node.putObject("artifact").put("uri", a.uri()).put("sha256", a.sha256().orElse(null)));
    ArrayNode dependencies = node.putArray("productDependencies");
    release.manifest().productDependencies().forEach(d -> dependencies.addObject()
        .put("product", d.product().toString()).put("range", d.range()).put("optional", d.optional()));
    node.put("file", release.origin().toString());
    return node;
  }
}
