package io.apollo.core.load.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.apollo.core.ApolloException;
import io.apollo.core.config.Kind;
import io.apollo.core.load.Problem;
import io.apollo.core.load.ProblemReason;
import io.apollo.core.load.yaml.YamlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates documents against the bundled JSON Schemas. Thread-safe; load once and share.
 *
 * <p>The schemas come only from the classpath ({@code apollo/schema/}): their {@code $id}s (under {@link #ID_BASE})
 * and the draft 2020-12 meta-schema are mapped to bundled copies, and fetching anything remote is switched off, so
 * validation never touches the network.
 */
public final class SchemaValidator {
  /** The base of every bundled schema's {@code $id}; an identifier only, never fetched. */
  public static final String ID_BASE = "https://apollo.example/schema/v1/";

  /** Where the build puts the schemas inside the jar. */
  static final String CLASSPATH_DIR = "apollo/schema/";

  /** Every bundled schema file; the schema folder holds exactly these. */
  static final List<String> FILES = List.of(
      "common.schema.json",
      "product.schema.json",
      "release.schema.json",
      "environment.schema.json",
      "entity.schema.json",
      "constraint.schema.json",
      "approval-policy.schema.json",
      "role.schema.json",
      "plan.schema.json",
      "release-hold.schema.json",
      "apollo.schema.json",
      "spoke-report.schema.json",
      "plan-message.schema.json",
      "notification.schema.json");

  private static final String API_VERSION = "apollo/v1";
  private static final String KNOWN_KINDS =
      Arrays.stream(Kind.values()).map(Kind::wireName).collect(Collectors.joining(", "));

  /** Each kind's schema file and each kind by its wire name, worked out once: {@link #validate} runs per document. */
  private static final Map<Kind, String> FILE_OF_KIND = new EnumMap<>(Kind.class);
  private static final Map<String, Kind> KIND_BY_WIRE_NAME = new HashMap<>();

  static {
    for (Kind kind : Kind.values()) {
      FILE_OF_KIND.put(kind, fileOf(kind));
      KIND_BY_WIRE_NAME.put(kind.wireName(), kind);
    }
  }

  private final SchemaRegistry registry;
  /** Schemas compiled so far, by file: each on first use, so a command pays only for the kinds it reads. */
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
  private final Violations violations;

  private SchemaValidator(SchemaRegistry registry, Map<String, JsonNode> sourcesById) {
    this.registry = registry;
    this.violations = new Violations(Map.copyOf(sourcesById));
  }

  /** The schemas from the classpath ({@code apollo/schema/}), loaded once per class loader and shared. */
  public static SchemaValidator bundled() {
    return Bundled.INSTANCE;
  }

  /** The schema file of a kind: {@code ApprovalPolicy} is {@code approval-policy.schema.json}. */
  public static String fileOf(Kind kind) {
    return kind.wireName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT) + ".schema.json";
  }

  /**
   * Checks the envelope ({@code apiVersion: apollo/v1}, a known {@code kind}) and then the document against its
   * kind's schema. Every problem is positioned at the YAML node the schema error points at: the offending value, the
   * unknown key, or the key of the mapping that lacks a required field. Problems come sorted by position.
   */
  public Result validate(YamlDocument document) {
    JsonNode root = document.root();
    if (!root.isObject()) {
      return new Result(Optional.empty(), List.of(Problem.at(document.at(""), ProblemReason.SCHEMA,
          "a document must be a mapping with apiVersion, kind, metadata and spec, not " + Wording.typeNoun(root))));
    }
    List<Problem> problems = new ArrayList<>();
    JsonNode apiVersion = root.get("apiVersion");
    if (apiVersion == null) {
      problems.add(Problem.at(document.at(""), ProblemReason.SCHEMA,
          "missing required field 'apiVersion' (expected apiVersion: " + API_VERSION + ")"));
    } else if (!apiVersion.isString() || !API_VERSION.equals(apiVersion.stringValue())) {
      problems.add(Problem.at(document.at("/apiVersion"), ProblemReason.SCHEMA,
          "apiVersion: " + Wording.value(apiVersion) + " is not supported (expected " + API_VERSION + ")"));
    }
    JsonNode kindNode = root.get("kind");
    Optional<Kind> kind = kindNode != null && kindNode.isString()
        ? Optional.ofNullable(KIND_BY_WIRE_NAME.get(kindNode.stringValue())) : Optional.empty();
    if (kindNode == null) {
      problems.add(Problem.at(document.at(""), ProblemReason.UNKNOWN_KIND,
          "missing required field 'kind' (expected one of " + KNOWN_KINDS + ")"));
    } else if (kind.isEmpty()) {
      problems.add(Problem.at(document.at("/kind"), ProblemReason.UNKNOWN_KIND,
          "unknown kind " + Wording.value(kindNode) + " (expected one of " + KNOWN_KINDS + ")"));
    }
    if (!problems.isEmpty()) {
      // With the envelope wrong, the kind's schema would only add noise.
      return new Result(kind, problems);
    }
    for (Violation violation : violations.translate(schema(FILE_OF_KIND.get(kind.get())).validate(root))) {
      problems.add(Problem.at(document.at(violation.at()), ProblemReason.SCHEMA, violation.message()));
    }
    problems.sort(Problem.BY_POSITION);
    return new Result(kind, problems);
  }

  /**
   * Validates a wire document (such as a spoke report) against one bundled schema, named by its file
   * ({@code spoke-report.schema.json}). Returns one line per violation, {@code <JSON Pointer>: <message>} such as
   * {@code /entities/0/state: 'BOOTING' is not one of UNMANAGED, ...}, the pointer written {@code (root)} for the
   * document itself; an empty list means valid. For an unknown field the pointer names the field, for a missing one
   * the object that lacks it.
   *
   * @throws ApolloException when no bundled schema has that file name
   */
  public List<String> validateWire(String schemaFile, JsonNode node) {
    if (!FILES.contains(schemaFile)) {
      throw new ApolloException("no bundled schema '" + schemaFile + "' (bundled: " + String.join(", ", FILES) + ")");
    }
    return violations.translate(schema(schemaFile).validate(node)).stream()
        .map(v -> (v.at().isEmpty() ? "(root)" : v.at()) + ": " + v.text())
        .toList();
  }

  /** A new validator with nothing compiled yet; {@link #bundled()} is the one to use. */
  static SchemaValidator load() {
    JsonMapper json = JsonMapper.builder().build();
    Map<String, String> textsById = new LinkedHashMap<>();
    Map<String, JsonNode> sourcesById = new LinkedHashMap<>();
    for (String file : FILES) {
      String text = readBundled(file);
      textsById.put(ID_BASE + file, text);
      sourcesById.put(ID_BASE + file, json.readTree(text));
    }
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
        .schemas(textsById)
        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
    return new SchemaValidator(registry, sourcesById);
  }

  /**
   * The compiled schema of one bundled file, compiled on its first use. Compiling resolves every {@code $ref}, so that
   * validating only reads and one instance is safe to share between threads; compilations take turns on the registry,
   * which is not documented as safe for concurrent use.
   */
  private Schema schema(String file) {
    Schema schema = compiled.get(file);
    if (schema != null) {
      return schema;
    }
    synchronized (registry) {
      return compiled.computeIfAbsent(file, f -> {
        Schema fresh = registry.getSchema(SchemaLocation.of(ID_BASE + f));
        fresh.initializeValidators();
        return fresh;
      });
    }
  }

  /**
   * Compiles now the schema of every kind a repository may hold, instead of on first use. For a command that has a
   * core to spare before its first document (the CLI, while it reads its arguments and lists the files), so that no
   * document waits for a compile. Thread-safe and idempotent, as compiling on first use is.
   */
  public void prepare() {
    for (Kind kind : Kind.values()) {
      schema(FILE_OF_KIND.get(kind));
    }
  }

  /** The schema files compiled so far, for tests of the laziness. */
  java.util.Set<String> compiledFiles() {
    return java.util.Set.copyOf(compiled.keySet());
  }

  static String readBundled(String file) {
    try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(CLASSPATH_DIR + file)) {
      if (in == null) {
        throw new ApolloException("schema " + CLASSPATH_DIR + file + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ApolloException("could not read schema " + CLASSPATH_DIR + file, e);
    }
  }

  /** Loaded on first use, once. */
  private static final class Bundled {
    static final SchemaValidator INSTANCE = load();
  }

  /** The kind (when the envelope named a known one) and the problems found; no problems means valid. */
  public record Result(Optional<Kind> kind, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    public boolean isValid() {
      return kind.isPresent() && problems.isEmpty();
    }
  }
}
