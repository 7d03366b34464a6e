package io.apollo.cli.forecast;

import io.apollo.cli.hubclient.HubClient;
import io.apollo.cli.hubclient.HubOption;
import io.apollo.cli.output.Json;
import io.apollo.cli.output.OutputFormat;
import io.apollo.cli.output.OutputOption;
import io.apollo.cli.output.Table;
import io.apollo.cli.repo.RepoOption;
import io.apollo.core.forecast.Forecaster;
import io.apollo.reconciler.api.ForecastApi;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code apollo forecast}: the hub's forecast ({@code GET /v1/forecast}); without a hub, the windows and freezes of
 * the repository's desired state from {@code --at} (no plans: which plans wait is live state). Exit 0, 1 when the hub
 * cannot be reached or the repository not read, 2 usage.
 */
@Command(
    name = "forecast",
    description = "When each blocked or pending plan could land, and the maintenance windows and freezes ahead.",
    mixinStandardHelpOptions = true,
    footer = {"", "Examples:", "  apollo forecast --hub http://127.0.0.1:8080", "  apollo forecast --environment"
        + " production --days 30 -o json"})
public final class ForecastCommand implements Callable<Integer> {
  @Option(names = "--days", paramLabel = "N", defaultValue = "14", description = "How many days ahead (1 to 62;"
      + " default 14).")
  int days;

  @Option(names = "--environment", paramLabel = "ENV", description = "Only this environment.")
  String environment;

  @Option(names = "--at", paramLabel = "INSTANT", description = "Without a hub: forecast from this instant"
      + " (ISO-8601, such as 2026-12-08T10:00:00Z) instead of now.")
  String at;

  @Mixin HubOption hub;

  @Mixin RepoOption repo;

  @Mixin OutputOption output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFormat format = output.format(spec);
    if (days < 1 || days > 62) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--days " + days + " is out of range; use 1 to 62");
    }
    Optional<HubClient> client = hub.client();
    ObjectNode forecast;
    if (client.isPresent()) {
      forecast = (ObjectNode) client.get().get("/v1/forecast", Map.of("days", Integer.toString(days))).orElseThrow();
      forecast.put("source", "hub");
    } else {
      Instant from = at == null ? Instant.now() : instant(at);
      forecast = ForecastApi.render(Forecaster.forecast(repo.open(spec.commandLine().getErr()).snapshot().state(),
          List.of(), from, days));
      forecast.put("source", "repository");
      forecast.put("note", HubOption.NO_HUB);
    }
    if (environment != null) {
      List<JsonNode> environments = filter(forecast.path("environments"), "name");
      List<JsonNode> plans = filter(forecast.path("plans"), "environment");
      forecast.putArray("environments").addAll(environments);
      forecast.putArray("plans").addAll(plans);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      out.println(Json.write(forecast));
    } else {
      out.print(text(forecast));
    }
    return 0;
  }

  private List<JsonNode> filter(JsonNode list, String field) {
    return list.values().stream().filter(n -> n.path(field).asString().equals(environment)).toList();
  }

  private Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--at '" + text + "' is not an ISO-8601 instant;"
          + " write such as 2026-12-08T10:00:00Z");
    }
  }

  /** Plans first (what people ask), then each environment's bands; times in UTC. */
  static String text(JsonNode forecast) {
    StringBuilder out = new StringBuilder("Forecast from " + forecast.path("from").asString() + " to "
        + forecast.path("to").asString() + "\n\n");
    Table plans = Table.of("PLAN", "ENTITY", "STATE", "LANDS AT (UTC)", "WHY");
    forecast.path("plans").forEach(p -> plans.row(p.path("id").asString(), p.path("entity").asString(),
        p.path("state").asString(), p.path("at").isString() ? p.path("at").asString()
            : p.path("never").asBoolean() ? "never" : "-", p.path("message").asString()));
    out.append(plans.isEmpty() ? (forecast.path("source").asString().equals("hub") ? "No plan waits.\n" : "")
        : plans.render()).append('\n');
    for (JsonNode env : forecast.path("environments")) {
      Table bands = Table.of("KIND", "CONSTRAINT", "FROM (UTC)", "TO (UTC)", "REASON");
      env.path("bands").forEach(b -> bands.row(b.path("kind").asString().toLowerCase(java.util.Locale.ROOT),
          b.path("constraint").asString(), b.path("start").asString(), b.path("end").asString(),
          b.path("reason").asString()));
      out.append(env.path("name").asString()).append(": ").append(bands.isEmpty()
          ? "no window or freeze; changes may run at any time\n" : "\n" + bands.render()).append('\n');
    }
    if (forecast.has("note")) {
      out.append(forecast.path("note").asString()).append('\n');
    }
    return out.toString();
  }
}
