package io.apollo.core.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The one-pass reader against the full path: for every file, {@link SafeYaml#parse} (the shortcut where it applies)
 * gives exactly what {@link SafeYaml#parseFully} gives: the same documents with the same indexes, starts, trees (node
 * types and key order included) and positions, and the same problems. And the shortcut is taken for the plain files
 * it is for, so that the comparison is not vacuous.
 */
class DirectReaderTest {
  private static final YamlLimits DEFAULTS = YamlLimits.defaults();

  static Stream<Arguments> snippets() {
    return Stream.of(
        // name, text, read in one pass?
        Arguments.of("a plain mapping", "a: 1\nb: two\n", true),
        Arguments.of("nested mappings and lists", "spec:\n  items:\n    - a\n    - {x: 1, y: [2, 3]}\n  m: {}\n",
            true),
        Arguments.of("short decimal integers", "a: 0\nb: 7\nc: -7\nd: 123456789\ne: -123456789\n", true),
        Arguments.of("a ten-digit integer", "a: 1234567890\n", false),
        Arguments.of("a long integer", "a: 12345678901234\n", false),
        Arguments.of("a huge integer", "a: 123456789012345678901234567890\n", false),
        Arguments.of("minus zero", "a: -0\n", false),
        Arguments.of("a plus sign", "a: +5\n", false),
        Arguments.of("a leading zero", "a: 010\n", false),
        Arguments.of("octal", "a: 0o17\n", false),
        Arguments.of("hexadecimal", "a: 0x1F\n", false),
        Arguments.of("floats", "a: 1.5\nb: .inf\nc: -.Inf\nd: .nan\ne: 1e3\n", false),
        Arguments.of("booleans in every core spelling", "a: true\nb: True\nc: TRUE\nd: false\ne: False\nf: FALSE\n",
            true),
        Arguments.of("YAML 1.1 booleans are text", "a: yes\nb: no\nc: on\nd: off\ne: y\n", true),
        Arguments.of("nulls in every spelling", "a:\nb: ~\nc: null\nd: Null\ne: NULL\n", true),
        Arguments.of("quoted look-alikes stay text",
            "a: '1'\nb: \"true\"\nc: 'null'\nd: \"\"\ne: ''\nf: \"1.5\"\n", true),
        Arguments.of("block scalars", "a: |\n  line one\n  line two\nb: >\n  folded\n  text\nc: |-\n  kept\n", true),
        Arguments.of("keys that need escaping in a pointer", "a/b: 1\nc~d: 2\n\"e/~f\": {g: 3}\n", true),
        Arguments.of("numeric and boolean keys are text", "1: a\ntrue: b\nnull: c\n", true),
        Arguments.of("a list at the root", "- a\n- b\n- [c, d]\n", true),
        Arguments.of("a scalar at the root", "just text\n", true),
        Arguments.of("a list of mappings", "items:\n- name: a\n  v: 1\n- name: b\n  v: 2\n", true),
        Arguments.of("comments everywhere", "# head\na: 1 # tail\n# between\nb:\n  # inside\n  c: 2\n", true),
        Arguments.of("a file of comments", "# nothing\n# here\n", true),
        Arguments.of("an empty file", "", true),
        Arguments.of("several documents, empty ones counted", "---\na: 1\n---\n---\nb: 2\n...\n---\n", true),
        Arguments.of("a directive", "%YAML 1.2\n---\na: 1\n", true),
        Arguments.of("unicode text", "name: \"caf\\u00e9 \\U0001F600\"\nother: café ☕\n", true),
        Arguments.of("an explicit !!str tag", "a: !!str 1\n", false),
        Arguments.of("an explicit !!map tag", "a: !!map {b: 1}\n", false),
        Arguments.of("a bad explicit tag", "a: !!int x\n", false),
        Arguments.of("a language tag", "a: !!java.lang.Object {}\n", false),
        Arguments.of("anchors and aliases", "a: &x {b: 1}\nc: *x\n", false),
        Arguments.of("an anchor on a key", "&k a: 1\n", false),
        Arguments.of("a merge key", "base: &b {x: 1}\nm:\n  <<: *b\n", false),
        Arguments.of("a quoted << is a plain key", "'<<': 1\n", true),
        Arguments.of("a duplicate key", "a: 1\nb: 2\na: 3\n", false),
        Arguments.of("a duplicate key in a nested mapping", "a:\n  b: 1\n  b: 2\n", false),
        Arguments.of("a list as a key", "? [a, b]\n: 1\n", false),
        Arguments.of("a mapping as a key", "? {a: 1}\n: 2\n", false),
        Arguments.of("an explicit scalar key", "? a\n: 1\n", true),
        Arguments.of("an unknown alias", "a: *nothing\n", false),
        Arguments.of("a syntax error after a good document", "a: 1\n---\nb: [1, 2\n", false),
        Arguments.of("tab indentation", "a:\n\tb: 1\n", false),
        Arguments.of("bad indentation", "a:\n  b: 1\n c: 2\n", false),
        Arguments.of("an unclosed quote", "a: \"open\n", false),
        Arguments.of("a non-printable character", "a: \u0007\n", false),
        Arguments.of("nesting at the depth limit", nested(64), true),
        Arguments.of("nesting past the depth limit", nested(65), false),
        Arguments.of("a very long key", "k".repeat(60_000) + ": 1\n", false),
        Arguments.of("a long value", "a: " + "v".repeat(200_000) + "\n", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("snippets")
  void givesWhatTheFullPathGives(String name, String text, boolean direct) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

    assertSame("snippet.yaml", bytes, DEFAULTS);
    assertThat(DirectReader.read("snippet.yaml", text, DEFAULTS, settings()) != null)
        .as("read in one pass").isEqualTo(direct);
  }

  @Test
  void aNulIsRefusedAtTheSamePlaceInAsciiAndInOtherUtf8Text() {
    // ASCII files skip the UTF-8 decoder; what is refused, and where, must not depend on that.
    ParsedFile ascii = SafeYaml.parse("a.yaml", "a: b\nc: d\u0000\n".getBytes(StandardCharsets.UTF_8), DEFAULTS);
    ParsedFile utf8 = SafeYaml.parse("a.yaml", "a: \u00e9\nc: d\u0000\n".getBytes(StandardCharsets.UTF_8), DEFAULTS);

    assertThat(ascii.problems()).containsExactly(io.apollo.core.load.Problem.at(
        new io.apollo.core.config.Origin("a.yaml", 2, 5), io.apollo.core.load.ProblemReason.UNREADABLE,
        "not a text file: it contains a NUL byte"));
    assertThat(utf8.problems()).isEqualTo(ascii.problems());
  }

  @Test
  void theDocumentLimitIsLeftToTheFullPath() {
    YamlLimits two = new YamlLimits(DEFAULTS.maxFileBytes(), DEFAULTS.maxAliases(), DEFAULTS.maxDepth(), 2);
    String text = "a: 1\n---\nb: 2\n---\nc: 3\n";

    assertSame("three.yaml", text.getBytes(StandardCharsets.UTF_8), two);
    assertThat(DirectReader.read("three.yaml", text, two, settings())).isNull();
  }

  @Test
  void everyTestFixtureAndSampleRepoFileReadsAlike() throws IOException {
    List<Path> files = yamlFiles(Path.of("src/test/resources"));
    files.addAll(yamlFiles(Path.of("../sample-repo")));
    assertThat(files).hasSizeGreaterThan(60);
    int direct = 0;
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      assertSame(file.toString(), bytes, DEFAULTS);
      if (DirectReader.read(file.toString(), new String(bytes, StandardCharsets.UTF_8), DEFAULTS, settings()) != null) {
        direct++;
      }
    }
    // sample-repo and the valid fixtures are plain; the refused fixtures are not.
    assertThat(direct).isGreaterThan(files.size() / 2).isLessThan(files.size());
  }

  @Test
  void aSyntheticFleetReadsAlikeAndInOnePass() {
    Random random = new Random(18);
    for (int i = 0; i < 2000; i++) {
      String text = SyntheticDocuments.file(random, i);
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      assertSame("fleet/" + i + ".yaml", bytes, DEFAULTS);
      assertThat(DirectReader.read("fleet/" + i + ".yaml", text, DEFAULTS, settings())).as(text).isNotNull();
    }
  }

  private static void assertSame(String path, byte[] bytes, YamlLimits limits) {
    ParsedFile full = SafeYaml.parseFully(path, bytes, limits);
    ParsedFile parsed = SafeYaml.parse(path, bytes, limits);

    assertThat(parsed).as(path).isEqualTo(full);
    for (int i = 0; i < full.documents().size(); i++) {
      JsonNode expected = full.documents().get(i).root();
      JsonNode actual = parsed.documents().get(i).root();
      // Equality of trees ignores key order and (for numbers) is strict on type; the text shows the order.
      assertThat(actual.toString()).as(path).isEqualTo(expected.toString());
      assertThat(actual.getClass()).isEqualTo(expected.getClass());
    }
  }

  private static org.snakeyaml.engine.v2.api.LoadSettings settings() {
    return org.snakeyaml.engine.v2.api.LoadSettings.builder()
        .setSchema(SharedCoreSchema.INSTANCE)
        .setCodePointLimit((int) DEFAULTS.maxFileBytes())
        .setUseMarks(true)
        .build();
  }

  private static String nested(int depth) {
    StringBuilder out = new StringBuilder();
    for (int level = 0; level < depth; level++) {
      out.append("  ".repeat(level)).append("k").append(level).append(":\n");
    }
    return out.append("  ".repeat(depth)).append("leaf\n").toString();
  }

  private static List<Path> yamlFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return new java.util.ArrayList<>(walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted().toList());
    }
  }
}
