package io.apollo.core.report;

import io.apollo.core.ApolloException;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.entity.EntityState;
import io.apollo.core.load.schema.SchemaValidator;
import io.apollo.core.version.Version;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of spoke reports ({@code schema/spoke-report.schema.json}), both ways. Reading accepts one report
 * object, an array of them, or {@code {"reports": [...]}}, holds each to the schema, then parses the values the schema
 * cannot judge (entity ids, versions, instants); every error names the source and the field.
 */
public final class SpokeReportJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SCHEMA = "spoke-report.schema.json";

  private SpokeReportJson() {}

  /** Reads one or more spoke reports; throws {@link ApolloException} naming {@code source} and the field. */
  public static List<SpokeReport> read(String source, byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new ApolloException(source + ": not JSON: " + e.getOriginalMessage());
    }
    List<SpokeReport> reports = new ArrayList<>();
    if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        reports.add(report(source, "[" + i + "]", root.get(i)));
      }
    } else if (root.isObject() && root.has("reports")) {
      JsonNode list = root.get("reports");
      for (int i = 0; i < list.size(); i++) {
        reports.add(report(source, "reports[" + i + "]", list.get(i)));
      }
    } else if (root.isObject()) {
      reports.add(report(source, "", root));
    } else {
      throw new ApolloException(source + ": expected a spoke report object, an array of them, or {\"reports\": [...]}");
    }
    return reports;
  }

  /**
   * Maps one report object after holding it to {@code spoke-report.schema.json}; every schema violation is named in
   * the one exception, each at its JSON pointer.
   */
  public static SpokeReport report(String source, String path, JsonNode node) {
    List<String> violations = SchemaValidator.bundled().validateWire(SCHEMA, node);
    if (!violations.isEmpty()) {
      String at = path.isEmpty() ? "" : path + ": ";
      throw new ApolloException(source + ": " + at + "not a spoke report (" + SCHEMA + "): "
          + String.join("; ", violations));
    }
    Fields f = new Fields(source, path, node);
    String spoke = f.required("spoke", Function.identity());
    Instant reportedAt = f.required("reportedAt", SpokeReportJson::instant);
    List<EntityReport> entities = new ArrayList<>();
    JsonNode list = node.path("entities");
    if (!list.isArray()) {
      throw f.error("entities", "required, a list of entity reports");
    }
    for (int i = 0; i < list.size(); i++) {
      entities.add(entity(new Fields(source, f.at("entities") + "[" + i + "]", list.get(i))));
    }
    return new SpokeReport(spoke, reportedAt, entities);
  }

  private static EntityReport entity(Fields f) {
    return new EntityReport(
        f.required("entity", EntityId::parse),
        f.required("product", ProductId::parse),
        f.optional("version", Version::parse),
        f.required("state", t -> EntityState.fromWireName(t).orElseThrow(() -> choices(EntityState.values()))),
        f.required("health", t -> Health.fromWireName(t).orElseThrow(() -> choices(Health.values()))),
        f.optional("configDigest", Function.identity()),
        f.optional("lastPlanId", Function.identity()),
        f.optional("lastPlanOutcome", t -> PlanOutcome.fromWireName(t).orElseThrow(() -> choices(PlanOutcome.values()))),
        f.optional("lastHealthyVersion", Version::parse),
        f.optional("message", Function.identity()).orElse(""),
        f.required("observedAt", SpokeReportJson::instant));
  }

  public static ObjectNode write(SpokeReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("spoke", report.spoke());
    root.put("reportedAt", report.reportedAt().toString());
    ArrayNode entities = root.putArray("entities");
    for (EntityReport e : report.entities()) {
      ObjectNode n = entities.addObject();
      n.put("entity", e.entity().toString());
      n.put("product", e.product().toString());
      e.version().ifPresent(v -> n.put("version", v.toString()));
      n.put("state", e.state().name());
      n.put("health", e.health().name());
      e.configDigest().ifPresent(d -> n.put("configDigest", d));
      e.lastPlanId().ifPresent(id -> n.put("lastPlanId", id));
      e.lastPlanOutcome().ifPresent(o -> n.put("lastPlanOutcome", o.name()));
      e.lastHealthyVersion().ifPresent(v -> n.put("lastHealthyVersion", v.toString()));
      if (!e.message().isEmpty()) {
        n.put("message", e.message());
      }
      n.put("observedAt", e.observedAt().toString());
    }
    return root;
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ApolloException("expected an RFC 3339 instant such as 2026-12-05T02:00:00Z");
    }
  }

  private static ApolloException choices(Enum<?>[] values) {
    return new ApolloException("expected one of " + String.join(", ", Arrays.stream(values).map(Enum::name).toList()));
  }

  /** Reads fields of one object, turning parse failures into errors that name source and JSON path. */
  private record Fields(String source, String path, JsonNode node) {
    <T> T required(String field, Function<String, T> parse) {
      return optional(field, parse).orElseThrow(() -> error(field, "required"));
    }

    <T> Optional<T> optional(String field, Function<String, T> parse) {
      JsonNode value = node.path(field);
      if (value.isMissingNode() || value.isNull()) {
        return Optional.empty();
      }
      if (!value.isString()) {
        throw error(field, "expected a string");
      }
      try {
        return Optional.of(parse.apply(value.asString()));
      } catch (ApolloException | IllegalArgumentException e) {
        throw error(field, "'" + value.asString() + "': " + e.getMessage());
      }
    }

    String at(String field) {
      return path.isEmpty() ? field : path + "." + field;
    }

    ApolloException error(String field, String problem) {
      return new ApolloException(source + ": " + at(field) + ": " + problem);
    }
  }
}
