package io.apollo.cli.edit;

import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * A document the CLI adds to the config repository, written in sample-repo's style (docs/config-format.md): the
 * editor's schema line, a comment saying who wrote it, then {@code apiVersion}, {@code kind}, {@code metadata},
 * {@code spec}. Appended to a file that already has documents, it follows a {@code ---} line.
 */
public final class NewDocument {
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
      .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
      .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .disable(YAMLWriteFeature.SPLIT_LINES)
      .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
      .build();

  private final String kind;
  private final ObjectNode root;
  private final ObjectNode spec;

  private NewDocument(String kind, String name) {
    this.kind = kind;
    root = JsonNodeFactory.instance.objectNode();
    root.put("apiVersion", "apollo/v1");
    root.put("kind", kind);
    root.putObject("metadata").put("name", name);
    spec = root.putObject("spec");
  }

  /** A new document of {@code kind} named {@code name}; fill in {@link #spec()}. */
  public static NewDocument of(String kind, String name) {
    return new NewDocument(kind, name);
  }

  public ObjectNode spec() {
    return spec;
  }

  /** The document alone, as the first of a new file whose folder is one below the repository's top. */
  public String asNewFile(String comment) {
    return "# yaml-language-server: $schema=../../schema/" + schemaFile() + "\n# " + comment + "\n" + body();
  }

  /** {@code existing} with this document appended after a {@code ---} line. */
  public String appendedTo(String existing, String comment) {
    String base = existing.endsWith("\n") || existing.isEmpty() ? existing : existing + "\n";
    return base + "---\n# " + comment + "\n" + body();
  }

  /** The text of the YAML, without comments. */
  public String body() {
    return YAML.writeValueAsString(root);
  }

  /** Writes a YAML node as text (for in-place edits that add a value). */
  static String inline(Object value) {
    return YAML.writeValueAsString(value).strip();
  }

  static Optional<String> nonBlank(String text) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  private String schemaFile() {
    return kind.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT) + ".schema.json";
  }
}
