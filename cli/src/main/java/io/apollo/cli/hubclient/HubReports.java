package io.apollo.cli.hubclient;

import io.apollo.cli.CliException;
import io.apollo.core.ApolloException;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.report.SpokeReport;
import io.apollo.core.report.SpokeReportJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The reports the hub plans against, {@code GET /v1/reports} (docs/hub.md): each spoke's latest report as it sent
 * it, read with the same parser as {@code --reported FILE}. A report that does not read is left out and named in
 * {@code leftOut}, as the hub's reconcile loop leaves it out.
 */
public record HubReports(List<SpokeReport> reports, List<String> leftOut) {
  public HubReports {
    reports = List.copyOf(reports);
    leftOut = List.copyOf(leftOut);
  }

  /** @param products the product of an entity whose report names none (desired state's word) */
  public static HubReports read(HubClient client, Function<EntityId, Optional<ProductId>> products) {
    String source = client.base() + "/v1/reports";
    JsonNode list = client.get("/v1/reports", Map.of()).orElseThrow(() -> new CliException("the hub at "
        + client.base() + " has no GET /v1/reports (an older hub); upgrade it, or pass --reported FILE"))
        .path("reports");
    if (!list.isArray()) {
      throw new CliException(source + " answered without a \"reports\" list; is " + client.base()
          + " an Apollo hub? Pass --reported FILE instead");
    }
    List<SpokeReport> reports = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode node = list.get(i);
      String where = source + " reports[" + i + "] (spoke " + node.path("spoke").asString("?") + ")";
      try {
        reports.addAll(SpokeReportJson.read(where, node.toString().getBytes(StandardCharsets.UTF_8), products));
      } catch (ApolloException e) {
        leftOut.add(e.getMessage());
      }
    }
    return new HubReports(reports, leftOut);
  }
}
