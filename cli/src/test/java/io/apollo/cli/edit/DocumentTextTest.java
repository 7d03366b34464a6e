package io.apollo.cli.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.cli.CliException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** In-place edits: the right document, the spec's own indent, comments and other documents untouched. */
class DocumentTextTest {
  private static final String FILE = """
      # Releases of x, oldest first.
      apiVersion: apollo/v1
      kind: Release
      metadata:
        name: x-1.0.0
      spec:
          product: com.example:x
          version: 1.0.0
      ---
      # The second one keeps its comment.
      apiVersion: apollo/v1
      kind: Release
      metadata:
        name: x-1.1.0
      spec:
        product: com.example:x
        version: 1.1.0
        channels:
          - beta
        # trailing comment inside spec
      """;

  private static DocumentText version(String text, String version) {
    return DocumentText.find("releases/x.yaml", text,
        tree -> version.equals(tree.path("spec").path("version").asString())).orElseThrow();
  }

  @Test
  void insertsUnderTheSpecAtItsOwnIndent() {
    String text = version(FILE, "1.0.0").insertUnderSpec(List.of("recalled:", "  reason: \"bad\"")).fileText();
    assertThat(text).contains("spec:\n    recalled:\n      reason: \"bad\"\n    product: com.example:x\n")
        .contains("# The second one keeps its comment.").contains("  version: 1.1.0\n");
  }

  @Test
  void addsToABlockListAfterItsLastItem() {
    String text = version(FILE, "1.1.0").setSpecList("channels", List.of("beta"), List.of("beta", "stable"))
        .fileText();
    assertThat(text).contains("  channels:\n    - beta\n    - stable\n  # trailing comment inside spec\n");
  }

  @Test
  void addsAMissingListAndRewritesAFlowList() {
    String added = version(FILE, "1.0.0").setSpecList("channels", List.of("stable"), List.of("beta", "stable"))
        .fileText();
    assertThat(added).contains("spec:\n    channels: [beta, stable]\n");
    String flow = FILE.replace("channels:\n    - beta\n", "channels: [beta]\n");
    assertThat(version(flow, "1.1.0").setSpecList("channels", List.of("beta"), List.of("beta", "stable")).fileText())
        .contains("  channels: [beta, stable]\n");
  }

  @Test
  void refusesASpecWrittenInFlowStyleWithItsLine() {
    String text = "apiVersion: apollo/v1\nkind: Release\nmetadata: {name: y}\nspec: {product: com.example:y, version: 2.0.0}\n";
    DocumentText doc = version(text, "2.0.0");
    assertThatThrownBy(() -> doc.insertUnderSpec(List.of("recalled: {reason: x}")))
        .isInstanceOf(CliException.class).hasMessageStartingWith("releases/x.yaml:1: cannot edit this document in place");
  }
}
