package io.apollo.cli.plans;

import io.apollo.cli.CliException;
import io.apollo.cli.hubclient.HubClient;
import io.apollo.cli.hubclient.HubOption;
import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code apollo plan record PLAN_ID}: the plan's audit record from the hub (issue 17): who proposed it from which
 * commit, every approval (commit, signing key when signed), every constraint verdict over time, every dispatch
 * attempt, the spoke's outcome. Exit 0, 1 unknown plan or no hub, 2 usage.
 */
@Command(
    name = "record",
    description = "Show a plan's audit record: proposal and its commit, approvals (commit, signing key), constraint"
        + " verdicts over time, dispatch attempts, the spoke's outcome. Needs a hub.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  apollo plan record pl-3f2a9c0d1e4b5a67 --hub http://127.0.0.1:8080 --output json"})
public final class PlanRecordCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PLAN_ID", description = "The plan's id, pl- and 16 hex digits.")
  String id;

  @Mixin HubOption hub;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    PlanIdsArg.require(spec, id);
    HubClient client = hub.client().orElseThrow(() -> new CliException("a plan's record is kept by the hub. "
        + HubOption.NO_HUB));
    JsonNode record = client.get("/v1/plans/" + id + "/record", Map.of()).orElseThrow(() -> new CliException(
        "the hub at " + client.base() + " knows no plan " + id + "; apollo plan list shows those it knows"));
    if (format == OutputFormat.JSON) {
      spec.commandLine().getOut().println(Json.write(record));
      return 0;
    }
    spec.commandLine().getOut().print(table(record));
    return 0;
  }

  /** The record for people: a header, then one line a step, oldest first. */
  static String table(JsonNode record) {
    StringBuilder out = new StringBuilder();
    out.append(record.path("planId").asString()).append(": ").append(record.path("type").asString()).append(' ')
        .append(record.path("entity").asString()).append(' ').append(PlanRows.dash(record.path("fromVersion")
            .asString(""))).append(" -> ").append(PlanRows.dash(record.path("toVersion").asString("")))
        .append("  (").append(record.path("state").asString()).append(")\n");
    out.append("  proposed from commit ").append(record.path("proposed").path("computedFrom").asString("?"))
        .append('\n');
    record.path("approvals").forEach(a -> {
      out.append("  approval  ").append(a.path("by").asString()).append(a.path("accepted").asBoolean()
          ? " as " + a.path("role").asString("?") : " refused: " + a.path("refusalReason").asString("?"))
          .append("  commit ").append(a.path("commit").asString());
      if (a.path("keyFingerprint").isString()) {
        out.append("  key ").append(a.path("keyFingerprint").asString());
      }
      out.append('\n');
    });
    out.append("  steps\n");
    record.path("steps").forEach(s -> out.append("    ").append(s.path("at").asString()).append("  ")
        .append(String.format("%-9s", s.path("step").asString())).append(' ').append(s.path("summary").asString())
        .append('\n'));
    return out.toString();
  }
}
