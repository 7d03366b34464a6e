package io.apollo.cli.entity;

import io.apollo.cli.hubclient.HubClient;
import io.apollo.cli.hubclient.HubOption;
import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.output.Style;
import io.apollo.cli.output.Table;
import io.apollo.cli.repo.RepoOption;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code apollo entity list}: every entity with what it should run and, from the hub, what runs and how it is.
 * Without a hub it lists desired state and says that live state needs one. Exit 0, 1 hub unreachable, 2 usage.
 */
@Command(
    name = "list",
    description = "List entities: desired version, and from the hub what runs, its state, health and plan.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo entity list --environment production --hub http://127.0.0.1:8080"})
public final class EntityListCommand implements Callable<Integer> {
  @Option(names = "--environment", paramLabel = "ENV", description = "Only this environment's entities.")
  String environment;

  @Option(names = "--state", paramLabel = "STATE", description = "Only entities in this state (needs a hub), e.g. running.")
  String state;

  @Mixin HubOption hub;

  @Mixin RepoOption repo;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    Optional<HubClient> client = hub.client();
    if (client.isPresent()) {
      JsonNode answer = client.get().get("/v1/entities", Map.of("environment", nz(environment),
          "state", nz(state))).orElseThrow();
      return printLive(format, answer.path("entities"));
    }
    if (state != null) {
      throw new io.apollo.cli.CliException("--state " + state + " filters on live state, which needs a hub. "
          + HubOption.NO_HUB);
    }
    DesiredState desired = repo.open(spec.commandLine().getErr()).snapshot().state();
    ArrayNode list = Json.object().arrayNode();
    Table table = Table.of("ENTITY", "PRODUCT", "DESIRED", "SPOKE", "FILE");
    for (Entity e : desired.entities().values()) {
      if (environment != null && !e.environment().equals(environment)) {
        continue;
      }
      table.row(e.id().toString(), e.product().toString(), Entities.desired(e), e.spoke(), e.origin().toString());
      list.add(Entities.json(e));
    }
    if (format == OutputFormat.JSON) {
      ObjectNode root = Json.object();
      root.set("entities", list);
      root.put("source", "repository");
      root.put("note", HubOption.NO_HUB);
      spec.commandLine().getOut().println(Json.write(root));
    } else {
      spec.commandLine().getOut().print((table.isEmpty() ? "No entities" + (environment == null ? "" : " in "
          + environment) + ".\n" : table.render()) + "\n" + HubOption.NO_HUB + "\n");
    }
    return 0;
  }

  private int printLive(OutputFormat format, JsonNode entities) {
    if (format == OutputFormat.JSON) {
      ObjectNode root = Json.object();
      root.set("entities", entities);
      root.put("source", "hub");
      spec.commandLine().getOut().println(Json.write(root));
      return 0;
    }
    Table table = Table.of("ENTITY", "PRODUCT", "DESIRED", "RUNNING", "STATE", "HEALTH", "PLAN");
    for (JsonNode e : entities) {
      String desired = e.path("desiredVersion").asString("");
      if (desired.isEmpty() && !e.path("channel").asString("").isEmpty()) {
        desired = "channel " + e.path("channel").asString();
      }
      table.row(e.path("id").asString(), e.path("product").asString(), dash(desired),
          dash(e.path("runningVersion").asString("")), Style.state(dash(e.path("state").asString(""))),
          Style.state(dash(e.path("health").asString(""))), dash(e.path("planId").asString("")));
    }
    spec.commandLine().getOut().print(table.isEmpty() ? "No entities.\n" : table.render());
    return 0;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  static String dash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }
}
