package io.apollo.cli.product;

import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.output.Table;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.RepoOption;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Product;
import io.apollo.core.config.Release;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code apollo product list}: every product at the repository's head commit. Exit 0, 2 on a usage error. */
@Command(
    name = "list",
    description = "List the products of the config repository, with their newest release.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo product list --repo ~/src/fleet-config --output json"})
public final class ProductListCommand implements Callable<Integer> {
  @Mixin RepoOption repo;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    DesiredState state = repo.open(spec.commandLine().getErr()).snapshot().state();
    if (format == OutputFormat.JSON) {
      ArrayNode products = Json.object().putArray("products");
      state.products().values().forEach(p -> products.add(json(p, state.releasesOf(p.id()))));
      spec.commandLine().getOut().println(Json.write(Json.object().set("products", products)));
      return 0;
    }
    Table table = Table.of("PRODUCT", "CRITICALITY", "TYPE", "RELEASES", "NEWEST", "NAME");
    for (Product p : state.products().values()) {
      List<Release> releases = state.releasesOf(p.id());
      table.row(p.id().toString(), p.criticality().toString(), p.type().toString(), String.valueOf(releases.size()),
          releases.isEmpty() ? "-" : releases.get(0).version().toString(), p.displayName());
    }
    spec.commandLine().getOut().print(table.isEmpty()
        ? "No products yet; add one: apollo product create --group G --name N\n" : table.render());
    return 0;
  }

  static ObjectNode json(Product product, List<Release> releases) {
    ObjectNode node = Json.object();
    node.put("id", product.id().toString());
    node.put("group", product.id().group());
    node.put("name", product.id().artifact());
    node.put("displayName", product.displayName());
    node.put("criticality", product.criticality().toString());
    node.put("type", product.type().toString());
    node.put("file", product.origin().path());
    ArrayNode versions = node.putArray("releases");
    releases.forEach(r -> versions.add(r.version().toString()));
    return node;
  }
}
