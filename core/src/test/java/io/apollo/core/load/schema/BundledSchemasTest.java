package io.apollo.core.load.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The schemas themselves: well-formed, complete for editors, and usable without a network. */
class BundledSchemasTest {
  private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
  /** Object schemas that are open on purpose: SLS manifests carry keys Apollo does not read. */
  private static final Set<String> OPEN_ON_PURPOSE = Set.of(
      "release.schema.json#/properties/spec/properties/manifest",
      "release.schema.json#/properties/spec/properties/manifest/properties/extensions",
      "apollo.schema.json#",
      // The hub's plan JSON carries API fields (state, roles, history) a spoke ignores.
      "plan-message.schema.json#");

  static Stream<String> files() {
    return SchemaValidator.FILES.stream();
  }

  @Test
  void theSchemaFolderHoldsExactlyTheBundledJsonFiles() throws IOException {
    Path folder = Path.of("..", "schema");
    try (Stream<Path> listing = Files.list(folder)) {
      assertThat(listing.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".json")))
          .containsExactlyInAnyOrderElementsOf(SchemaValidator.FILES);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void isAValidDraft202012SchemaCheckedWithoutNetwork(String file) {
    SchemaRegistry offline = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
    Schema metaSchema = offline.getSchema(SchemaLocation.of(META_SCHEMA));

    assertThat(metaSchema.validate(source(file))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void declaresItsDialectIdTitleAndDescription(String file) {
    JsonNode schema = source(file);

    assertThat(schema.path("$schema").asString()).isEqualTo(META_SCHEMA);
    assertThat(schema.path("$id").asString()).isEqualTo(SchemaValidator.ID_BASE + file);
    assertThat(schema.path("title").asString()).isNotBlank();
    assertThat(schema.path("description").asString()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void describesEveryPropertyForEditors(String file) {
    List<String> undescribed = new ArrayList<>();
    walk(source(file), "", (pointer, node) -> {
      for (Map.Entry<String, JsonNode> property : node.path("properties").properties()) {
        if (property.getValue().path("description").asString("").isBlank()) {
          undescribed.add(pointer + "/properties/" + property.getKey());
        }
      }
    });

    assertThat(undescribed).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void closesEveryObjectItDescribesUnlessOpenOnPurpose(String file) {
    List<String> open = new ArrayList<>();
    walk(source(file), "", (pointer, node) -> {
      if (node.has("properties") && !node.has("additionalProperties") && !node.has("$ref")
          && !OPEN_ON_PURPOSE.contains(file + "#" + pointer)) {
        open.add(pointer);
      }
    });

    assertThat(open).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void refersOnlyToBundledSchemas(String file) {
    List<String> refs = new ArrayList<>();
    walk(source(file), "", (pointer, node) -> {
      if (node.has("$ref")) {
        refs.add(node.get("$ref").asString());
      }
    });

    assertThat(refs).allSatisfy(ref -> assertThat(ref.startsWith("#")
        || SchemaValidator.FILES.contains(ref.substring(0, ref.indexOf('#') < 0 ? ref.length() : ref.indexOf('#'))))
        .as(ref).isTrue());
  }

  private static JsonNode source(String file) {
    return JsonMapper.shared().readTree(SchemaValidator.readBundled(file));
  }

  /**
   * Visits every object node of a schema with its pointer. The conditions of {@code if} are skipped: they select a
   * branch and describe no data, so editors never show them.
   */
  private static void walk(JsonNode node, String pointer, java.util.function.BiConsumer<String, JsonNode> visit) {
    if (node.isObject()) {
      visit.accept(pointer, node);
      for (Map.Entry<String, JsonNode> child : node.properties()) {
        if (!child.getKey().equals("if")) {
          walk(child.getValue(), pointer + "/" + Wording.escape(child.getKey()), visit);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, visit);
      }
    }
  }
}
