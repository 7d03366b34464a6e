package io.apollo.cli.plans;

import io.apollo.cli.hubclient.HubClient;
import io.apollo.cli.hubclient.HubOption;
import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.output.Table;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.RepoOption;
import java.util.List;
import java.util.Locale;
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
 * {@code apollo plan list}: the hub's plans, or without a hub the plans git holds (on main: approved; on a branch:
 * pending). Exit 0, 1 when the hub cannot be reached, 2 usage.
 */
@Command(
    name = "list",
    description = "List plans with their state and why: pending approval, blocked, approved, running...",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo plan list --state pending"})
public final class PlanListCommand implements Callable<Integer> {
  private static final List<String> STATES = List.of("blocked", "pending", "approved", "dispatched", "running",
      "succeeded", "failed", "cancelled", "superseded");

  @Option(names = "--state", paramLabel = "STATE", description = "Only plans in this state: " + "blocked, pending,"
      + " approved, dispatched, running, succeeded, failed, cancelled, superseded.")
  String state;

  @Option(names = "--environment", paramLabel = "ENV", description = "Only this environment's plans.")
  String environment;

  @Option(names = "--entity", paramLabel = "ENTITY_ID", description = "Only this entity's plans.")
  String entity;

  @Mixin HubOption hub;

  @Mixin RepoOption repo;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    if (state != null && !STATES.contains(state.toLowerCase(Locale.ROOT))) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--state '" + state + "' is not a plan state;"
          + " use one of " + String.join(", ", STATES));
    }
    Optional<HubClient> client = hub.client();
    if (client.isPresent()) {
      JsonNode plans = client.get().get("/v1/plans", Map.of("state", upper(state), "environment", nz(environment),
          "entity", nz(entity))).orElseThrow().path("plans");
      if (format == OutputFormat.JSON) {
        ObjectNode root = Json.object();
        root.set("plans", plans);
        root.put("source", "hub");
        spec.commandLine().getOut().println(Json.write(root));
      } else {
        Table table = PlanRows.table();
        plans.forEach(p -> PlanRows.addLive(table, p));
        spec.commandLine().getOut().print(table.isEmpty() ? "No plans" + (state == null ? "" : " " + state) + ".\n"
            : table.render());
      }
      return 0;
    }
    ConfigRepo config = repo.open(spec.commandLine().getErr());
    GitPlans.fetch(config);
    List<GitPlan> plans = GitPlans.list(config.snapshot()).stream()
        .filter(p -> state == null || p.state().equalsIgnoreCase(state))
        .filter(p -> environment == null || p.entity().startsWith(environment + "/"))
        .filter(p -> entity == null || p.entity().equals(entity))
        .toList();
    if (format == OutputFormat.JSON) {
      ObjectNode root = Json.object();
      ArrayNode list = root.putArray("plans");
      plans.forEach(p -> list.add(p.json()));
      root.put("source", "repository");
      root.put("note", HubOption.NO_HUB);
      spec.commandLine().getOut().println(Json.write(root));
      return 0;
    }
    Table table = PlanRows.table();
    plans.forEach(p -> PlanRows.addGit(table, p));
    spec.commandLine().getOut().print((table.isEmpty() ? "No plans" + (state == null ? "" : " " + state)
        + " in git.\n" : table.render()) + "\n" + HubOption.NO_HUB + "\n");
    return 0;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String upper(String s) {
    return s == null ? "" : s.toUpperCase(Locale.ROOT);
  }
}
