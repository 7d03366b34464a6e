package io.apollo.core.report;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills in what a hand-written or older report may leave out, before the schema judges it, so that people can
 * write reported state the way DESIGN.md lists it. Each rule is safe: it never makes an entity look healthier or
 * newer than the report says.
 * <ul>
 *   <li>{@code state}, {@code health} and {@code lastPlanOutcome} in any case ({@code running}, {@code Healthy});</li>
 *   <li>no {@code spoke}: {@code unknown}; no {@code reportedAt}: the epoch; no {@code observedAt}: the report's
 *       {@code reportedAt} (these only order reports of one entity);</li>
 *   <li>no {@code state}: {@code RUNNING} when a version is given, else {@code UNMANAGED};</li>
 *   <li>no {@code health}: {@code HEALTHY} when RUNNING, {@code UNHEALTHY} when DEGRADED or FAILED, else
 *       {@code UNKNOWN};</li>
 *   <li>no {@code product}: the product desired state gives the entity, when the caller can say.</li>
 * </ul>
 * Unknown fields are not dropped: the schema still refuses them, so a misspelt field is an error, not a silence.
 */
final class ReportDefaults {
  private ReportDefaults() {}

  static void fill(ObjectNode report, Function<EntityId, Optional<ProductId>> products) {
    if (!report.has("spoke")) {
      report.put("spoke", "unknown");
    }
    if (!report.has("reportedAt")) {
      report.put("reportedAt", Instant.EPOCH.toString());
    }
    JsonNode entities = report.path("entities");
    for (JsonNode entity : entities.values()) {
      if (entity instanceof ObjectNode e) {
        fillEntity(e, report.path("reportedAt").asString(Instant.EPOCH.toString()), products);
      }
    }
  }

  private static void fillEntity(ObjectNode e, String reportedAt, Function<EntityId, Optional<ProductId>> products) {
    upperCase(e, "state");
    upperCase(e, "health");
    upperCase(e, "lastPlanOutcome");
    if (!e.has("observedAt")) {
      e.put("observedAt", reportedAt);
    }
    if (!e.has("state")) {
      e.put("state", e.hasNonNull("version") ? "RUNNING" : "UNMANAGED");
    }
    if (!e.has("health")) {
      String state = e.path("state").asString("");
      e.put("health", switch (state) {
        case "RUNNING" -> "HEALTHY";
        case "DEGRADED", "FAILED" -> "UNHEALTHY";
        default -> "UNKNOWN";
      });
    }
    if (!e.has("product") && e.path("entity").isString()) {
      EntityId.tryParse(e.path("entity").asString()).flatMap(products)
          .ifPresent(product -> e.put("product", product.toString()));
    }
  }

  private static void upperCase(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value != null && value.isString()) {
      node.put(field, value.asString().toUpperCase(Locale.ROOT));
    }
  }
}
