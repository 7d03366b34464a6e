package io.apollo.cli.plans;

import io.apollo.cli.CliException;
import io.apollo.cli.hubclient.HubClient;
import io.apollo.cli.hubclient.HubOption;
import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.output.Style;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.cli.repo.RepoOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code apollo plan get PLAN_ID}: one plan, from the hub (with its history) or from git. Exit 0, 1 unknown, 2 usage. */
@Command(
    name = "get",
    description = "Show one plan: entity, versions, state, roles and approvals, violations, history.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo plan get pl-3f2a9c0d1e4b5a67 --output json"})
public final class PlanGetCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PLAN_ID", description = "The plan's id, pl- and 16 hex digits.")
  String id;

  @Mixin HubOption hub;

  @Mixin RepoOption repo;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    PlanIdsArg.require(spec, id);
    Optional<HubClient> client = hub.client();
    JsonNode plan;
    if (client.isPresent()) {
      plan = client.get().get("/v1/plans/" + id, Map.of()).orElseThrow(() -> new CliException("the hub at "
          + client.get().base() + " knows no plan " + id + "; apollo plan list shows those it knows"));
    } else {
      ConfigRepo config = repo.open(spec.commandLine().getErr());
      GitPlans.fetch(config);
      ObjectNode node = GitPlans.find(config.snapshot(), id).orElseThrow(() -> PlanIdsArg.unknown(id)).json();
      node.put("source", "repository");
      plan = node;
    }
    if (format == OutputFormat.JSON) {
      spec.commandLine().getOut().println(Json.write(plan));
      return 0;
    }
    StringBuilder out = new StringBuilder();
    out.append(plan.path("id").asString()).append(": ").append(plan.path("type").asString()).append(' ')
        .append(plan.path("entity").asString()).append(' ').append(PlanRows.dash(plan.path("fromVersion").asString("")))
        .append(" -> ").append(PlanRows.dash(plan.path("toVersion").asString(""))).append('\n');
    out.append("  state       ").append(Style.state(plan.path("state").asString()))
        .append(plan.has("where") ? " (" + plan.path("where").asString() + ")" : "").append('\n');
    out.append("  roles       ").append(list(plan.path("requiredRoles"))).append('\n');
    out.append("  approvals   ");
    if (plan.path("approvals").isEmpty()) {
      out.append("none recorded\n");
    } else {
      out.append('\n');
      plan.path("approvals").forEach(a -> out.append("    ").append(a.path("by").asString()).append(" for ")
          .append(a.path("role").asString("every role they hold"))
          .append(a.has("keyFingerprint") ? ", signed by " + a.path("keyFingerprint").asString() : "")
          .append('\n'));
    }
    if (!plan.path("refusedApprovals").isEmpty()) {
      out.append("  refused\n");
      plan.path("refusedApprovals").forEach(a -> out.append("    ").append(a.path("by").asString()).append("  ")
          .append(a.path("reason").asString("")).append("  ").append(a.path("message").asString("")).append('\n'));
    }
    out.append("  why         ").append(PlanRows.whyLive(plan)).append('\n');
    if (plan.path("history").isArray()) {
      out.append("  history\n");
      plan.path("history").forEach(h -> out.append("    ").append(h.path("at").asString()).append("  ")
          .append(h.path("state").asString()).append("  ").append(h.path("reason").asString("")).append('\n'));
    }
    if (client.isEmpty()) {
      out.append('\n').append(HubOption.NO_HUB).append('\n');
    }
    spec.commandLine().getOut().print(out);
    return 0;
  }

  private static String list(JsonNode array) {
    StringBuilder out = new StringBuilder();
    array.forEach(v -> out.append(out.isEmpty() ? "" : ", ").append(v.asString()));
    return out.isEmpty() ? "none" : out.toString();
  }
}
