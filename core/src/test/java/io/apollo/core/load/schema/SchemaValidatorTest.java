package io.apollo.core.load.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.core.ApolloException;
import io.apollo.core.config.Kind;
import io.apollo.core.load.Problem;
import io.apollo.core.load.yaml.ParsedFile;
import io.apollo.core.load.yaml.SafeYaml;
import io.apollo.core.load.yaml.YamlDocument;
import io.apollo.core.load.yaml.YamlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaValidatorTest {
  private static final SchemaValidator VALIDATOR = SchemaValidator.bundled();

  static Stream<Arguments> invalidDocuments() {
    return Stream.of(
        Arguments.of("wrong type, unknown field, missing field, bad enum, both version and channel",
            "entity-errors.yaml", 0, List.of(
                "SCHEMA entity-errors.yaml:5:1: spec: give exactly one of 'version' (pin) or 'channel' "
                    + "(follow a channel), not both",
                "SCHEMA entity-errors.yaml:5:1: spec: missing required field 'product'",
                "SCHEMA entity-errors.yaml:7:3: spec.version: expected a string, got a number "
                    + "(put it in quotes to keep it as text)",
                "SCHEMA entity-errors.yaml:9:3: unknown field 'replicas' in spec "
                    + "(allowed: product, environment, spoke, version, channel, config, state, canary)",
                "SCHEMA entity-errors.yaml:10:3: spec.state: 'gone' is not one of present, absent")),
        Arguments.of("neither version nor channel, and a misspelt field", "entity-neither.yaml", 0, List.of(
            "SCHEMA entity-neither.yaml:5:1: spec: give exactly one of 'version' (pin) or 'channel' "
                + "(follow a channel), got neither",
            "SCHEMA entity-neither.yaml:8:3: unknown field 'chanel' in spec; did you mean 'channel'? "
                + "(allowed: product, environment, spoke, version, channel, config, state, canary)")),
        Arguments.of("product id form, invalid enum values", "product-errors.yaml", 0, List.of(
            "SCHEMA product-errors.yaml:4:3: metadata.name: 'catalog' is not in the expected form "
                + "(for example com.example:catalog-service)",
            "SCHEMA product-errors.yaml:6:3: spec.criticality: 'urgent' is not one of low, medium, high, critical",
            "SCHEMA product-errors.yaml:7:3: spec.type: 'docker' is not one of helm-chart, sls-service")),
        Arguments.of("a value-or-list field: one message per mistake, not one per alternative",
            "policy-errors.yaml", 0, List.of(
                "SCHEMA policy-errors.yaml:9:9: spec.rules[0].match.criticality: 'urgent' is not one of "
                    + "low, medium, high, critical",
                "SCHEMA policy-errors.yaml:12:29: spec.rules[1].match.criticality[1]: 'severe' is not one of "
                    + "low, medium, high, critical",
                "SCHEMA policy-errors.yaml:13:30: spec.rules[1].match.planTypes[1]: 'redeploy' is not one of "
                    + "install, upgrade, rollback, uninstall, config_update",
                "SCHEMA policy-errors.yaml:14:7: spec.rules[1].requiredRoles: must list at least one item")),
        Arguments.of("positions of nested list items", "environment-errors.yaml", 0, List.of(
            "SCHEMA environment-errors.yaml:9:7: spec.spokes[1].name: 'US East' is not in the expected form "
                + "(for example eu-west-1)",
            "SCHEMA environment-errors.yaml:10:7: spec.spokes[1].url: 'not a url' is not a valid uri "
                + "(an absolute URI such as https://spoke.example.com:8443)")),
        Arguments.of("two rules in one constraint, a bad duration and a bad end", "constraint-errors.yaml", 0, List.of(
            "SCHEMA constraint-errors.yaml:5:1: spec: give exactly one of 'maintenanceWindow' (plans only inside "
                + "the window), 'suppressionWindow' (no plans during the freeze), 'dependency' (dependencies must "
                + "be met) or 'promotion' (a release bakes on a source first), not several (got 'maintenanceWindow'"
                + " and 'suppressionWindow')",
            "SCHEMA constraint-errors.yaml:10:5: spec.maintenanceWindow.duration: '4h' is not in the expected form "
                + "(for example PT4H)",
            "SCHEMA constraint-errors.yaml:13:5: spec.suppressionWindow.end: 'next year' is not in the expected "
                + "form (for example 2026-01-05)")),
        Arguments.of("wrong apiVersion", "envelope-errors.yaml", 0, List.of(
            "SCHEMA envelope-errors.yaml:1:1: apiVersion: 'apollo/v2' is not supported (expected apollo/v1)")),
        Arguments.of("unknown kind", "envelope-errors.yaml", 1, List.of(
            "UNKNOWN_KIND envelope-errors.yaml:7:1: unknown kind 'Deployment' (expected one of Product, Release, "
                + "Environment, Entity, Constraint, ApprovalPolicy, Role, Plan, Notification, ReleaseHold)")),
        Arguments.of("no envelope at all", "envelope-errors.yaml", 2, List.of(
            "SCHEMA envelope-errors.yaml:11:1: missing required field 'apiVersion' (expected apiVersion: apollo/v1)",
            "UNKNOWN_KIND envelope-errors.yaml:11:1: missing required field 'kind' (expected one of Product, "
                + "Release, Environment, Entity, Constraint, ApprovalPolicy, Role, Plan, Notification, ReleaseHold)")),
        Arguments.of("a list instead of a mapping", "envelope-errors.yaml", 3, List.of(
            "SCHEMA envelope-errors.yaml:14:1: a document must be a mapping with apiVersion, kind, metadata and "
                + "spec, not a list")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDocuments")
  void reportsEachViolationInPlainWordsAtItsYamlPosition(String name, String fixture, int document,
      List<String> expected) {
    SchemaValidator.Result result = VALIDATOR.validate(document(fixture, document));

    assertThat(result.isValid()).isFalse();
    assertThat(result.problems()).extracting(p -> p.reason() + " " + p).containsExactlyElementsOf(expected);
  }

  @Test
  void namesTheKindEvenWhenTheDocumentIsInvalid() {
    assertThat(VALIDATOR.validate(document("entity-errors.yaml", 0)).kind()).contains(Kind.ENTITY);
    assertThat(VALIDATOR.validate(document("envelope-errors.yaml", 0)).kind()).contains(Kind.ENTITY);
    assertThat(VALIDATOR.validate(document("envelope-errors.yaml", 1)).kind()).isEmpty();
  }

  @Test
  void acceptsAValidDocumentOfEveryKind() {
    List<SchemaValidator.Result> results = parse("valid-documents.yaml").documents().stream()
        .map(VALIDATOR::validate).toList();

    assertThat(results).allSatisfy(r -> assertThat(r.problems()).isEmpty());
    assertThat(results).extracting(r -> r.kind().orElseThrow()).contains(Kind.values());
  }

  @Test
  void validatesEachDocumentOfAFileOnItsOwn() {
    List<SchemaValidator.Result> results = parse("mixed.yaml").documents().stream()
        .map(VALIDATOR::validate).toList();

    assertThat(results).extracting(SchemaValidator.Result::isValid).containsExactly(true, false, true);
    assertThat(results.get(1).problems()).extracting(Problem::toString)
        .containsExactly("mixed.yaml:14:3: spec.type: 'lambda' is not one of helm-chart, sls-service");
  }

  @Test
  void validatesASpokeReportAgainstTheWireSchema() {
    assertThat(VALIDATOR.validateWire("spoke-report.schema.json", json("spoke-report-valid.json"))).isEmpty();
  }

  @Test
  void reportsWireViolationsAsPointerAndMessage() {
    List<String> violations = VALIDATOR.validateWire("spoke-report.schema.json", json("spoke-report-invalid.json"));

    assertThat(violations).containsExactlyInAnyOrder(
        "(root): missing required field 'spoke'",
        "/reportedAt: 'yesterday' is not a valid date-time (an RFC 3339 instant such as 2025-01-31T14:00:00Z)",
        "/entities/0/replicas: unknown field 'replicas' in entities[0] (allowed: entity, product, version, state, "
            + "health, configDigest, lastPlanId, lastPlanOutcome, lastHealthyVersion, message, observedAt)",
        "/entities/0/version: expected a string or an empty value, got an integer",
        "/entities/0/state: 'BOOTING' is not one of UNMANAGED, PENDING, INSTALLING, RUNNING, DEGRADED, FAILED");
  }

  @Test
  void dispatchesOnKindThroughTheCombinedSchemaAsEditorsDo() {
    JsonNode invalid = document("entity-errors.yaml", 0).root();

    assertThat(VALIDATOR.validateWire("apollo.schema.json", invalid))
        .contains("/spec/replicas: unknown field 'replicas' in spec "
            + "(allowed: product, environment, spoke, version, channel, config, state, canary)");
    assertThat(parse("valid-documents.yaml").documents())
        .allSatisfy(d -> assertThat(VALIDATOR.validateWire("apollo.schema.json", d.root())).isEmpty());
  }

  @Test
  void refusesToValidateAgainstASchemaItDoesNotBundle() {
    assertThatThrownBy(() -> VALIDATOR.validateWire("deployment.schema.json", JsonMapper.shared().createObjectNode()))
        .isInstanceOf(ApolloException.class)
        .hasMessageStartingWith("no bundled schema 'deployment.schema.json'");
  }

  @Test
  void loadsTheSchemasOnceAndSharesThem() {
    assertThat(SchemaValidator.bundled()).isSameAs(VALIDATOR);
  }

  @Test
  void namesTheSchemaFileOfEachKind() {
    assertThat(SchemaValidator.fileOf(Kind.APPROVAL_POLICY)).isEqualTo("approval-policy.schema.json");
    assertThat(SchemaValidator.fileOf(Kind.ENTITY)).isEqualTo("entity.schema.json");
    assertThat(Stream.of(Kind.values()).map(SchemaValidator::fileOf)).allMatch(SchemaValidator.FILES::contains);
  }

  static ParsedFile parse(String fixture) {
    ParsedFile parsed = SafeYaml.parse(fixture, bytes(fixture), YamlLimits.defaults());
    assertThat(parsed.problems()).isEmpty();
    return parsed;
  }

  private static YamlDocument document(String fixture, int index) {
    return parse(fixture).documents().stream().filter(d -> d.index() == index).findFirst().orElseThrow();
  }

  private static JsonNode json(String fixture) {
    return JsonMapper.shared().readTree(bytes(fixture));
  }

  private static byte[] bytes(String fixture) {
    try (InputStream in = SchemaValidatorTest.class.getResourceAsStream("/schema/" + fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + fixture);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
