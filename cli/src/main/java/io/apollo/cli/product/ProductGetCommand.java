package io.apollo.cli.product;

import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.output.Style;
import io.apollo.cli.repo.RepoOption;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.Product;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code apollo product get G:N}: one product, its releases and its entities. Exit 0, 1 unknown, 2 usage. */
@Command(
    name = "get",
    description = "Show one product: what it is, its releases, and the entities that run it.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo product get com.example:catalog-service"})
public final class ProductGetCommand implements Callable<Integer> {
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
    Product found = Products.require(state, id);
    List<Release> releases = state.releasesOf(id);
    List<Entity> entities = state.entities().values().stream().filter(e -> e.product().equals(id)).toList();
    if (format == OutputFormat.JSON) {
      ObjectNode node = ProductListCommand.json(found, releases);
      ArrayNode list = node.putArray("entities");
      entities.forEach(e -> list.add(e.id().toString()));
      spec.commandLine().getOut().println(Json.write(node));
      return 0;
    }
    StringBuilder out = new StringBuilder();
    out.append(found.id()).append(": ").append(found.displayName()).append('\n');
    out.append("  criticality  ").append(found.criticality()).append('\n');
    out.append("  type         ").append(found.type()).append('\n');
    out.append("  file         ").append(found.origin()).append('\n');
    out.append("  releases     ").append(releases.isEmpty() ? "none yet" : releases.stream()
        .map(r -> r.version() + " " + r.sortedChannels() + (r.isRecalled() ? " " + Style.state("RECALLED") : ""))
        .collect(Collectors.joining(", "))).append('\n');
    out.append("  entities     ").append(entities.isEmpty() ? "none" : entities.stream()
        .map(e -> e.id().toString()).collect(Collectors.joining(", "))).append('\n');
    spec.commandLine().getOut().print(out);
    return 0;
  }

}
