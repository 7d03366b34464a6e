package io.apollo.cli.entity;

import io.apollo.cli.CliException;
import io.apollo.cli.hubclient.HubClient;
import io.apollo.cli.hubclient.HubOption;
import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.output.Style;
import io.apollo.cli.plans.GitPlan;
import io.apollo.cli.plans.GitPlans;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.RepoOption;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code apollo entity status ENTITY_ID}: desired and running version, state, health, its plan, and why (the hub's
 * explain). Without a hub: desired state and the plans git holds for it. Exit 0, 1 unknown entity, 2 usage.
 */
@Command(
    name = "status",
    description = "Show one entity: desired, running, health, its plan, and why.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo entity status staging/catalog-service --hub http://127.0.0.1:8080"})
public final class EntityStatusCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ENTITY_ID", description = "environment/name, e.g. staging/catalog-service.")
  String entity;

  @Mixin HubOption hub;

  @Mixin RepoOption repo;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    EntityId id = EntityId.tryParse(entity).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
        "ENTITY_ID '" + entity + "' is not an entity id; write it as environment/name, e.g. staging/catalog-service"));
    Optional<HubClient> client = hub.client();
    if (client.isPresent()) {
      JsonNode live = client.get().get("/v1/entities/" + id.environment() + "/" + id.name(), Map.of())
          .orElseThrow(() -> new CliException("the hub at " + client.get().base() + " knows no entity " + id
              + "; apollo entity list shows those it knows"));
      printLive(format, live);
      return 0;
    }
    ConfigRepo config = repo.open(spec.commandLine().getErr());
    GitPlans.fetch(config);
    ConfigRepo.Snapshot head = config.snapshot();
    Entity found = head.state().entity(id).orElseThrow(() -> new CliException("no entity " + id + " in the"
        + " repository" + (head.state().invalidEntities().contains(id) ? " that loads: its definition is invalid"
            + " (run apollo validate)" : "; apollo entity list shows them")));
    List<GitPlan> plans = GitPlans.list(head).stream().filter(p -> p.entity().equals(id.toString())).toList();
    if (format == OutputFormat.JSON) {
      ObjectNode node = Entities.json(found);
      ArrayNode list = node.putArray("plans");
      plans.forEach(p -> list.add(p.json()));
      node.put("source", "repository");
      node.put("note", HubOption.NO_HUB);
      spec.commandLine().getOut().println(Json.write(node));
      return 0;
    }
    StringBuilder out = new StringBuilder();
    out.append(id).append(" (").append(found.product()).append(" on ").append(found.spoke()).append(")\n");
    out.append("  desired   ").append(Entities.desired(found)).append("   ").append(found.origin()).append('\n');
    out.append("  plans     ").append(plans.isEmpty() ? "none in git" : "").append('\n');
    for (GitPlan p : plans) {
      out.append("    ").append(p.id()).append("  ").append(p.type()).append(' ')
          .append(p.fromVersion().orElse("-")).append(" -> ").append(p.toVersion().orElse("-")).append("  ")
          .append(Style.state(p.state())).append(p.onMain() ? " (on main)" : " (on branch " + p.branch() + ")")
          .append('\n');
    }
    out.append('\n').append(HubOption.NO_HUB).append('\n');
    spec.commandLine().getOut().print(out);
    return 0;
  }

  private void printLive(OutputFormat format, JsonNode live) {
    if (format == OutputFormat.JSON) {
      spec.commandLine().getOut().println(Json.write(live));
      return;
    }
    StringBuilder out = new StringBuilder();
    out.append(live.path("id").asString(entity)).append(" (").append(live.path("product").asString()).append(" on ")
        .append(live.path("spoke").asString()).append(")\n");
    String desired = live.path("desiredVersion").asString("");
    out.append("  desired   ").append(desired.isEmpty() ? "channel " + live.path("channel").asString("-") : desired)
        .append('\n');
    out.append("  running   ").append(EntityListCommand.dash(live.path("runningVersion").asString(""))).append('\n');
    out.append("  state     ").append(Style.state(EntityListCommand.dash(live.path("state").asString(""))))
        .append('\n');
    out.append("  health    ").append(Style.state(EntityListCommand.dash(live.path("health").asString(""))))
        .append('\n');
    out.append("  plan      ").append(EntityListCommand.dash(live.path("planId").asString(""))).append('\n');
    JsonNode explain = live.path("explain");
    if (explain.isString()) {
      out.append("\n").append(explain.asString().strip()).append('\n');
    } else if (explain.isObject()) {
      String text = explain.path("text").asString(explain.path("summary").asString(""));
      out.append("\nWhy:\n").append(text.isEmpty() ? Json.write(explain) : text.strip()).append('\n');
    }
    spec.commandLine().getOut().print(out);
  }
}
