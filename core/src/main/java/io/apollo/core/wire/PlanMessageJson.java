package io.apollo.core.wire;

import io.apollo.core.ApolloException;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.PlanType;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.ProductType;
import io.apollo.core.load.schema.SchemaValidator;
import io.apollo.core.version.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@link PlanMessage} ({@code schema/plan-message.schema.json}), both ways. {@link #write} gives
 * the fields a spoke needs; the hub adds its own (state, roles, history) to the same object. Reading holds the
 * object to the schema, ignores fields it does not know, and names the field of every error.
 */
public final class PlanMessageJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SCHEMA = "plan-message.schema.json";

  private PlanMessageJson() {}

  /** Parses one plan object; throws {@link ApolloException} naming {@code source} and the field. */
  public static PlanMessage read(String source, byte[] body) {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JacksonException e) {
      throw new ApolloException(source + ": not JSON: " + e.getOriginalMessage());
    }
    return read(source, node);
  }

  /** Maps one plan object, as {@link #read(String, byte[])} does. */
  public static PlanMessage read(String source, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new ApolloException(source + ": expected a plan object");
    }
    List<String> violations = SchemaValidator.bundled().validateWire(SCHEMA, node);
    if (!violations.isEmpty()) {
      throw new ApolloException(source + ": not a plan (" + SCHEMA + "): " + String.join("; ", violations));
    }
    try {
      return new PlanMessage(
          text(node, "id"),
          parse(source, node, "entity", EntityId::parse),
          parse(source, node, "product", ProductId::parse),
          text(node, "spoke"),
          parse(source, node, "productType", t -> ProductType.fromWireName(t).orElseThrow()),
          parse(source, node, "type", t -> PlanType.fromWireName(t).orElseThrow()),
          optionalVersion(source, node, "fromVersion"),
          optionalVersion(source, node, "toVersion"),
          text(node, "configDigest"),
          config(node),
          artifact(node));
    } catch (IllegalArgumentException e) {
      throw new ApolloException(source + ": " + e.getMessage());
    }
  }

  public static ObjectNode write(PlanMessage plan) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", plan.id());
    node.put("entity", plan.entity().toString());
    node.put("product", plan.product().toString());
    node.put("spoke", plan.spoke());
    node.put("productType", plan.productType().wireName());
    node.put("type", plan.type().wireName());
    node.put("fromVersion", plan.fromVersion().map(Version::toString).orElse(null));
    node.put("toVersion", plan.toVersion().map(Version::toString).orElse(null));
    node.put("configDigest", plan.configDigest());
    node.set("config", JSON.valueToTree(plan.config()));
    if (plan.artifact().isPresent()) {
      PlanMessage.WireArtifact a = plan.artifact().get();
      ObjectNode artifact = node.putObject("artifact");
      artifact.put("uri", a.uri());
      artifact.put("sha256", a.sha256().orElse(null));
      artifact.put("chartVersion", a.chartVersion().orElse(null));
    } else {
      node.putNull("artifact");
    }
    return node;
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).asString();
  }

  private static <T> T parse(String source, JsonNode node, String field, Function<String, T> parser) {
    String value = text(node, field);
    try {
      return parser.apply(value);
    } catch (RuntimeException e) {
      throw new ApolloException(source + ": " + field + ": '" + value + "' is not valid"
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  private static Optional<Version> optionalVersion(String source, JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    return Optional.of(parse(source, node, field, Version::parse));
  }

  private static Map<String, Object> config(JsonNode node) {
    JsonNode config = node.path("config");
    if (!config.isObject()) {
      return Map.of();
    }
    return JSON.convertValue(config, new TypeReference<Map<String, Object>>() {});
  }

  private static Optional<PlanMessage.WireArtifact> artifact(JsonNode node) {
    JsonNode a = node.path("artifact");
    if (!a.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new PlanMessage.WireArtifact(
        a.path("uri").asString(),
        nullable(a.path("sha256")),
        nullable(a.path("chartVersion"))));
  }

  private static Optional<String> nullable(JsonNode value) {
    return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asString());
  }
}
