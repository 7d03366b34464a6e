package io.apollo.cli.audit;

import io.apollo.cli.CliException;
import io.apollo.cli.hubclient.HubClient;
import io.apollo.cli.hubclient.HubOption;
import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code apollo audit --since DATE [--until DATE] [--output table|json|jsonl]}: the audit record of every plan made
 * or changed in the period (issue 17). {@code jsonl} prints one record a line, for a log pipeline or an archive.
 * Exit 0, 1 no hub or the hub refused, 2 usage.
 */
@Command(
    name = "audit",
    description = "Export the audit record of every plan made or changed in a period, from the hub: proposal,"
        + " approvals, constraint verdicts, dispatches, outcome. --output jsonl prints one record a line.",
    mixinStandardHelpOptions = true,
    footer = {"", "Examples:", "  apollo audit --since 2026-12-01 --output jsonl > audit-december.jsonl",
        "  apollo audit --since 2026-12-01T00:00:00Z --until 2026-12-08T00:00:00Z"})
public final class AuditCommand implements Callable<Integer> {
  @Option(names = "--since", required = true, paramLabel = "DATE",
      description = "The period's start: a date (2026-12-01, UTC) or an instant (2026-12-01T00:00:00Z).")
  String since;

  @Option(names = "--until", paramLabel = "DATE", description = "The period's end, exclusive (default: now).")
  String until;

  @Mixin HubOption hub;

  @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "FORMAT",
      description = "table (default: for people), json (one document) or jsonl (one record a line).")
  String output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = io.apollo.cli.output.OutputFormats.parse(spec, output, OutputFormat.TABLE,
        OutputFormat.JSON, OutputFormat.JSONL);
    HubClient client = hub.client().orElseThrow(() -> new CliException("audit records are kept by the hub. "
        + HubOption.NO_HUB));
    Map<String, String> query = new LinkedHashMap<>();
    query.put("since", since);
    query.put("until", until);
    JsonNode answer = client.get("/v1/audit", query).orElseThrow(() -> new CliException("the hub at "
        + client.base() + " has no audit API (GET /v1/audit); upgrade it"));
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSON -> out.println(Json.write(answer));
      case JSONL -> answer.path("records").forEach(r -> out.println(r.toString()));
      default -> {
        out.println(answer.path("records").size() + " plan(s) made or changed since " + answer.path("since")
            .asString() + (answer.path("until").isString() ? " until " + answer.path("until").asString() : ""));
        answer.path("records").forEach(r -> out.println("  " + r.path("planId").asString() + "  "
            + String.format("%-10s", r.path("state").asString()) + " " + r.path("type").asString() + " "
            + r.path("entity").asString() + " -> " + r.path("toVersion").asString("-") + "  ("
            + r.path("steps").size() + " steps; apollo plan record " + r.path("planId").asString() + ")"));
      }
    }
    if (answer.path("truncated").asBoolean()) {
      spec.commandLine().getErr().println("apollo audit: the period holds more plans than one answer carries;"
          + " give a shorter --since/--until");
    }
    return 0;
  }
}
