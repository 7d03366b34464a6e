package io.apollo.core.report;

import io.apollo.core.ApolloException;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.load.schema.SchemaValidator;
import io.apollo.core.version.Version;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The JSON form of spoke reports ({@code schema/spoke-report.schema.json}), both ways. Reading accepts one report
 * object, an array of them, or {@code {"reports": [...]}}, holds each to the schema, then parses the values the schema
 * cannot judge (entity ids, versions, instants); every error names the source and the field.
 *
 * <p>A JSON report in the form spokes write is read in one streaming pass ({@link StrictReportReader}), which returns
 * the same report the full path would or leaves it to the full path: the schema stays the judge, and its words the
 * only error words.
 */
public final class SpokeReportJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SCHEMA = "spoke-report.schema.json";
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private SpokeReportJson() {}

  /** Reads one or more spoke reports; throws {@link ApolloException} naming {@code source} and the field. */
  public static List<SpokeReport> read(String source, byte[] content) {
    return read(source, content, id -> Optional.empty());
  }

  /**
   * Reads one or more spoke reports, JSON or (for a source ending in {@code .yaml}/{@code .yml}) YAML: one report
   * object, an array of them, {@code {"reports": [...]}}, or a bare array of entity reports. Missing fields are
   * filled as {@link ReportDefaults} says, with {@code products} naming an entity's product when the report does not.
   */
  public static List<SpokeReport> read(String source, byte[] content,
      Function<EntityId, Optional<ProductId>> products) {
    Optional<SpokeReport> strict = isYaml(source) ? Optional.empty() : StrictReportReader.read(content);
    if (strict.isPresent()) {
      return List.of(strict.get());
    }
    JsonNode root = parse(source, content);
    List<SpokeReport> reports = new ArrayList<>();
    if (root.isArray() && root.size() > 0 && root.get(0).has("entity")) {
      ObjectNode wrapped = JSON.createObjectNode();
      wrapped.set("entities", root);
      reports.add(report(source, "", wrapped, products));
    } else if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        reports.add(report(source, "[" + i + "]", root.get(i), products));
      }
    } else if (root.isObject() && root.has("reports")) {
      JsonNode list = root.get("reports");
      for (int i = 0; i < list.size(); i++) {
        reports.add(report(source, "reports[" + i + "]", list.get(i), products));
      }
    } else if (root.isObject()) {
      reports.add(report(source, "", root, products));
    } else {
      throw new ApolloException(source + ": expected a spoke report object, an array of them, {\"reports\": [...]}, "
          + "or an array of entity reports");
    }
    return reports;
  }

  /**
   * Reads exactly one spoke report object, as a spoke posts it to the hub: anything else at the top (an array, a
   * string, a number, a boolean, null, or the {@code {"reports": [...]}} wrapper of a report file) is refused with
   * the JSON type found, so that a report in the wrong shape is never taken for a report.
   */
  public static SpokeReport readOne(String source, byte[] content,
      Function<EntityId, Optional<ProductId>> products) {
    // A report in the form spokes write takes one streaming pass; anything else the full path, which words errors.
    Optional<SpokeReport> strict = isYaml(source) ? Optional.empty() : StrictReportReader.read(content);
    return strict.isPresent() ? strict.get() : readOneFully(source, content, products);
  }

  /**
   * {@link #readOne} by the strict streaming path only: the report the full path would read from these JSON bytes,
   * or empty when only the full path can say (it may still read it, with defaults, or refuse it). Pure CPU in
   * proportion to the bytes.
   */
  public static Optional<SpokeReport> readStrictly(byte[] content) {
    return StrictReportReader.read(content);
  }

  /** {@link #readOne} by the full path only (tree, defaults, schema, fields): what the strict path must equal. */
  static SpokeReport readOneFully(String source, byte[] content, Function<EntityId, Optional<ProductId>> products) {
    JsonNode root = parse(source, content);
    if (!root.isObject()) {
      throw new ApolloException(source + ": expected one spoke report object ({\"spoke\": ..., \"reportedAt\": ...,"
          + " \"entities\": [...]}), found " + jsonType(root));
    }
    if (root.has("reports")) {
      throw new ApolloException(source + ": expected one spoke report object, found a {\"reports\": [...]} list;"
          + " post each spoke's report on its own");
    }
    return report(source, "", root, products);
  }

  private static String jsonType(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    } else if (node.isString()) {
      return "a string";
    } else if (node.isNumber()) {
      return "a number";
    } else if (node.isBoolean()) {
      return "a boolean";
    } else if (node.isNull() || node.isMissingNode()) {
      return "null";
    }
    return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean isYaml(String source) {
    String name = source.toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static JsonNode parse(String source, byte[] content) {
    boolean yaml = isYaml(source);
    try {
      return yaml ? YAML.readTree(content) : JSON.readTree(content);
    } catch (JacksonException e) {
      throw new ApolloException(source + ": not " + (yaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
    }
  }

  /** Maps one report object, as {@link #read(String, byte[], Function)} maps each. */
  public static SpokeReport report(String source, String path, JsonNode node) {
    return report(source, path, node, id -> Optional.empty());
  }

  /**
   * Fills defaults into a copy of one report object, holds it to {@code spoke-report.schema.json} (every schema
   * violation named in the one exception, each at its JSON pointer), then parses its values.
   */
  private static SpokeReport report(String source, String path, JsonNode original,
      Function<EntityId, Optional<ProductId>> products) {
    JsonNode node = original;
    if (original instanceof ObjectNode object) {
      ObjectNode copy = object.deepCopy();
      ReportDefaults.fill(copy, products);
      node = copy;
    }
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

  /**
   * The text of {@link #write}, character for character ({@code write(report).toString()}), written in one
   * streaming pass without building the tree: what the hub stores for a report.
   */
  public static String text(SpokeReport report) {
    return text(report, true);
  }

  /**
   * The text of {@link #text} without {@code reportedAt} and the entities' {@code observedAt}: two reports that
   * differ only in when they were made have the same one.
   */
  public static String timelessText(SpokeReport report) {
    return text(report, false);
  }

  private static String text(SpokeReport report, boolean times) {
    StringWriter out = new StringWriter(256 + 256 * report.entities().size());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("spoke", report.spoke());
      if (times) {
        g.writeStringProperty("reportedAt", report.reportedAt().toString());
      }
      g.writeArrayPropertyStart("entities");
      for (EntityReport e : report.entities()) {
        g.writeStartObject();
        g.writeStringProperty("entity", e.entity().toString());
        g.writeStringProperty("product", e.product().toString());
        if (e.version().isPresent()) {
          g.writeStringProperty("version", e.version().get().toString());
        }
        g.writeStringProperty("state", e.state().name());
        g.writeStringProperty("health", e.health().name());
        if (e.configDigest().isPresent()) {
          g.writeStringProperty("configDigest", e.configDigest().get());
        }
        if (e.lastPlanId().isPresent()) {
          g.writeStringProperty("lastPlanId", e.lastPlanId().get());
        }
        if (e.lastPlanOutcome().isPresent()) {
          g.writeStringProperty("lastPlanOutcome", e.lastPlanOutcome().get().name());
        }
        if (e.lastHealthyVersion().isPresent()) {
          g.writeStringProperty("lastHealthyVersion", e.lastHealthyVersion().get().toString());
        }
        if (!e.message().isEmpty()) {
          g.writeStringProperty("message", e.message());
        }
        if (times) {
          g.writeStringProperty("observedAt", e.observedAt().toString());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toString();
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
