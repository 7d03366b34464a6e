package io.apollo.reconciler.gitsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanEditsTest {
  private static final String PROPOSED = plan();

  static Stream<Arguments> edits() {
    return Stream.of(
        Arguments.of("unchanged", PROPOSED, List.of()),
        Arguments.of("approvals appended", PROPOSED + "  approvals:\n  - by: a@x\n    role: sre\n", List.of()),
        Arguments.of("comments and layout", PROPOSED.replace("# Written by", "# Edited, written by")
            .replace("    - sre", "  - sre").replace("    - vp-engineering", "  - vp-engineering"), List.of()),
        Arguments.of("another version", PROPOSED.replace("toVersion: 2.4.0", "toVersion: 2.5.0"),
            List.of("/spec/toVersion")),
        Arguments.of("a role dropped", PROPOSED.replace("    - vp-engineering\n", ""),
            List.of("/spec/requiredRoles")),
        Arguments.of("a field added and one removed", PROPOSED.replace("  spoke: prod-east\n", "  force: true\n"),
            List.of("/spec/force", "/spec/spoke")),
        Arguments.of("not YAML", "spec: [unclosed\n", List.of(PlanEdits.WHOLE_FILE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edits")
  void onlyChangesBeyondApprovalsComments(String why, String onBranch, List<String> changed) {
    assertThat(PlanEdits.changedFields(PROPOSED, onBranch)).isEqualTo(changed);
  }

  private static String plan() {
    try (InputStream in = PlanEditsTest.class.getResourceAsStream("/gitsync/plan-upgrade.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("PLAN_ID", "p1");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
