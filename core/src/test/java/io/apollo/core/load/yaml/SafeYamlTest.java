package io.apollo.core.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.Origin;
import io.apollo.core.load.Problem;
import io.apollo.core.load.ProblemReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class SafeYamlTest {
  private static final YamlLimits DEFAULTS = YamlLimits.defaults();

  static Stream<Arguments> refusedFiles() {
    return Stream.of(
        Arguments.of("malformed YAML (unclosed flow list)", "malformed.yaml", ProblemReason.YAML_SYNTAX,
            "'[' at line 5, column 13 is not closed: expected ',' or ']', but got <stream end>", 6, 1),
        Arguments.of("bad indentation", "bad-indentation.yaml", ProblemReason.YAML_SYNTAX,
            "bad indentation: this line does not line up with the block that starts at line 1, column 1", 4, 3),
        Arguments.of("tab indentation", "tab-indent.yaml", ProblemReason.YAML_SYNTAX,
            "tab characters are not allowed for indentation in YAML; indent with spaces", 4, 1),
        Arguments.of("duplicate key, at the second one", "duplicate-keys.yaml", ProblemReason.UNSAFE_YAML,
            "duplicate key 'product' (first at line 6)", 8, 3),
        Arguments.of("language tag on a value", "java-tag.yaml", ProblemReason.UNSAFE_YAML,
            "tag '!!java.lang.Object' is not allowed: Apollo reads plain data only (allowed tags: !!str, !!int, "
                + "!!float, !!bool, !!null, !!map, !!seq)", 4, 9),
        Arguments.of("language tag on the first key of a mapping", "first-key-tag.yaml", ProblemReason.UNSAFE_YAML,
            "tag '!!javax.script.ScriptEngineManager' is not allowed: Apollo reads plain data only (allowed tags: "
                + "!!str, !!int, !!float, !!bool, !!null, !!map, !!seq)", 1, 1),
        Arguments.of("local tag on a mapping", "local-tag.yaml", ProblemReason.UNSAFE_YAML,
            "tag '!foo' is not allowed: Apollo reads plain data only (allowed tags: !!str, !!int, !!float, !!bool, "
                + "!!null, !!map, !!seq)", 3, 7),
        Arguments.of("billion laughs", "billion-laughs.yaml", ProblemReason.UNSAFE_YAML,
            "too many aliases (limit 50): they would expand the file past 100000 nodes", 6, 8),
        Arguments.of("more alias uses than allowed", "many-aliases.yaml", ProblemReason.UNSAFE_YAML,
            "too many aliases (limit 50)", 52, 6),
        Arguments.of("merge key", "merge-key.yaml", ProblemReason.UNSAFE_YAML,
            "merge keys ('<<') are not supported; write the keys out in full", 4, 3),
        Arguments.of("a list as a key", "non-scalar-key.yaml", ProblemReason.UNSAFE_YAML,
            "a key must be a plain value, not a list", 2, 3),
        Arguments.of("alias to no anchor", "unknown-alias.yaml", ProblemReason.YAML_SYNTAX,
            "alias '*missing' refers to no anchor: define '&missing' before using it", 2, 7));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedFiles")
  void refusesWithOnePositionedProblem(String name, String fixture, ProblemReason reason, String message, int line,
      int column) {
    ParsedFile parsed = parseFixture(fixture);

    assertThat(parsed.documents()).isEmpty();
    assertThat(parsed.problems()).containsExactly(
        Problem.at(new Origin(fixture, line, column), reason, message));
  }

  static Stream<Arguments> refusedText() {
    return Stream.of(
        Arguments.of("tag on a scalar that is not of its type", "a: !!int twelve\n", ProblemReason.YAML_SYNTAX,
            "'twelve' is not a valid !!int", 1, 4),
        Arguments.of("!!map on a list", "a: !!map [1]\n", ProblemReason.UNSAFE_YAML,
            "tag '!!map' cannot be put on a list", 1, 4),
        Arguments.of("!!binary", "a: !!binary aGk=\n", ProblemReason.UNSAFE_YAML,
            "tag '!!binary' is not allowed: Apollo reads plain data only (allowed tags: !!str, !!int, !!float, "
                + "!!bool, !!null, !!map, !!seq)", 1, 4),
        Arguments.of("an alias as a key", "a: &x k\n*x : v\n", ProblemReason.UNSAFE_YAML,
            "a key must be a plain value, not an alias ('*x')", 2, 1),
        Arguments.of("a recursive alias", "a: &x [1, *x]\n", ProblemReason.YAML_SYNTAX,
            "alias '*x' refers to a node that contains it; recursive aliases are not allowed", 1, 11),
        Arguments.of("a control character", "a: b\u0007\n", ProblemReason.YAML_SYNTAX,
            "character U+0007 is not allowed in YAML; remove it or write it as an escape (\\u0007) inside double "
                + "quotes", 1, 5),
        Arguments.of("an unquoted ': ' inside a value", "a: b: c\n", ProblemReason.YAML_SYNTAX,
            "unexpected ':'; put a value that contains ': ' in quotes, or check the indentation", 1, 5),
        Arguments.of("an unclosed quote", "a: 'it''s\n", ProblemReason.YAML_SYNTAX,
            "the quoted text that starts at line 1, column 4 is not closed", 2, 1),
        Arguments.of("a reserved indicator", "a: @home\n", ProblemReason.YAML_SYNTAX,
            "'@' cannot start a value; put the value in quotes", 1, 4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedText")
  void refusesInlineText(String name, String yaml, ProblemReason reason, String message, int line, int column) {
    ParsedFile parsed = parse("inline.yaml", yaml);

    assertThat(parsed.documents()).isEmpty();
    assertThat(parsed.problems()).containsExactly(
        Problem.at(new Origin("inline.yaml", line, column), reason, message));
  }

  @Test
  void recordsThePositionOfEveryNodeByJsonPointer() {
    YamlDocument document = single(parseFixture("environment-positions.yaml"));

    assertThat(document.index()).isZero();
    assertThat(document.start()).isEqualTo(new Origin("environment-positions.yaml", 2, 1));
    assertThat(document.at("")).isEqualTo(origin("environment-positions.yaml", 2, 1));
    assertThat(document.at("/spec")).isEqualTo(origin("environment-positions.yaml", 8, 1));
    assertThat(document.at("/spec/spokes/0")).isEqualTo(origin("environment-positions.yaml", 10, 7));
    assertThat(document.at("/spec/spokes/1/url")).isEqualTo(origin("environment-positions.yaml", 13, 7));
    assertThat(document.at("/spec/spokes/1/name")).isEqualTo(origin("environment-positions.yaml", 12, 7));
    assertThat(document.at("/metadata/labels/tier")).isEqualTo(origin("environment-positions.yaml", 7, 5));
    assertThat(document.root().at("/spec/spokes/1/url").stringValue()).isEqualTo("https://spoke-us.internal:8443");
  }

  @Test
  void escapesKeysInPointersAndFallsBackToTheNearestAncestor() {
    YamlDocument document = single(parse("keys.yaml", "spec:\n  'a/b~c':\n    x: 1\n"));

    assertThat(document.at("/spec/a~1b~0c/x")).isEqualTo(origin("keys.yaml", 3, 5));
    assertThat(document.at("/spec/a~1b~0c/missing/deeper")).isEqualTo(origin("keys.yaml", 2, 3));
  }

  @Test
  void typesScalarsAsTheYamlCoreSchemaDoes() {
    JsonNode root = single(parseFixture("scalars.yaml")).root();

    assertThat(root.get("string").isString()).isTrue();
    assertThat(root.get("quoted").stringValue()).isEqualTo("1.0");
    assertThat(root.get("integer").intValue()).isEqualTo(42);
    assertThat(root.get("octalLooking").intValue()).isEqualTo(10);
    assertThat(root.get("octal").intValue()).isEqualTo(15);
    assertThat(root.get("hex").intValue()).isEqualTo(31);
    assertThat(root.get("float").isDouble()).isTrue();
    assertThat(root.get("float").doubleValue()).isEqualTo(1.1);
    assertThat(root.get("exponent").doubleValue()).isEqualTo(1000.0);
    assertThat(root.get("infinity").doubleValue()).isInfinite();
    assertThat(root.get("yes").booleanValue()).isTrue();
    assertThat(root.get("no").isBoolean()).isTrue();
    assertThat(root.get("tilde").isNull()).isTrue();
    assertThat(root.get("empty").isNull()).isTrue();
    assertThat(root.get("nullWord").isNull()).isTrue();
    assertThat(root.get("date").stringValue()).isEqualTo("2024-01-01");
    assertThat(root.get("version").stringValue()).isEqualTo("1.2.3");
    assertThat(root.get("taggedString").stringValue()).isEqualTo("12");
    assertThat(root.get("taggedInt").intValue()).isEqualTo(12);
    assertThat(root.get("big").bigIntegerValue()).hasToString("123456789012345678901234567890");
  }

  @Test
  void expandsSmallLegalAliasesAsDeepCopiesWithTheOriginalsPositions() {
    YamlDocument document = single(parseFixture("legal-aliases.yaml"));
    JsonNode config = document.root().at("/spec/config");

    assertThat(config.get("primary")).isEqualTo(config.get("defaults"));
    assertThat(config.get("secondary")).isEqualTo(config.get("defaults"));
    assertThat(config.get("primary")).isNotSameAs(config.get("defaults"));
    assertThat(config.at("/teamLabels/team").stringValue()).isEqualTo("storefront");
    assertThat(config.get("again").stringValue()).isEqualTo("only");
    // The alias node itself is where it is used; what it copies is where it was written.
    assertThat(document.at("/spec/config/primary")).isEqualTo(origin("legal-aliases.yaml", 16, 5));
    assertThat(document.at("/spec/config/primary/ports/1")).isEqualTo(origin("legal-aliases.yaml", 15, 21));
  }

  @Test
  void keepsTheGoodDocumentsOfAFileWhoseMiddleDocumentIsBad() {
    ParsedFile parsed = parseFixture("multi-document.yaml");

    assertThat(parsed.documents()).extracting(YamlDocument::index).containsExactly(0, 2);
    assertThat(parsed.documents()).extracting(d -> d.root().at("/metadata/name").stringValue())
        .containsExactly("com.example:catalog", "com.example:orders");
    assertThat(parsed.documents().get(1).start()).isEqualTo(new Origin("multi-document.yaml", 15, 1));
    assertThat(parsed.problems()).containsExactly(Problem.at(
        new Origin("multi-document.yaml", 12, 3), ProblemReason.UNSAFE_YAML, "duplicate key 'name' (first at line 11)"));
  }

  @Test
  void keepsTheDocumentsBeforeASyntaxError() {
    ParsedFile parsed = parse("broken.yaml", "kind: Role\n---\nkind: [Role\n---\nkind: Product\n");

    assertThat(parsed.documents()).extracting(d -> d.root().get("kind").stringValue()).containsExactly("Role");
    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.reason()).isEqualTo(ProblemReason.YAML_SYNTAX);
      assertThat(p.line()).isEqualTo(4);
    });
  }

  @Test
  void skipsEmptyDocumentsAndCommentOnlyFilesButCountsThemInIndexes() {
    ParsedFile parsed = parseFixture("empty-documents.yaml");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.documents()).singleElement().satisfies(d -> {
      assertThat(d.index()).isEqualTo(2);
      assertThat(d.root().get("kind").stringValue()).isEqualTo("Role");
    });
    assertThat(parseFixture("comments-only.yaml")).isEqualTo(
        new ParsedFile("comments-only.yaml", java.util.List.of(), java.util.List.of()));
  }

  @Test
  void refusesFlowNestingDeeperThanTheLimitWithoutOverflowingTheStack() {
    String yaml = "[".repeat(10_000) + "]".repeat(10_000) + "\n";

    ParsedFile parsed = parse("deep-flow.yaml", yaml);

    assertThat(parsed.documents()).isEmpty();
    assertThat(parsed.problems()).containsExactly(Problem.at(
        new Origin("deep-flow.yaml", 1, 65), ProblemReason.LIMIT_EXCEEDED, "nesting deeper than 64 levels"));
  }

  @Test
  void refusesBlockNestingDeeperThanTheLimitWithoutOverflowingTheStack() {
    String yaml = "- ".repeat(10_000) + "leaf\n";

    ParsedFile parsed = parse("deep-block.yaml", yaml);

    assertThat(parsed.documents()).isEmpty();
    assertThat(parsed.problems()).containsExactly(Problem.at(
        new Origin("deep-block.yaml", 1, 129), ProblemReason.LIMIT_EXCEEDED, "nesting deeper than 64 levels"));
  }

  @Test
  void readsOnAfterADocumentThatIsModeratelyTooDeep() {
    String yaml = "a: " + "[".repeat(70) + "]".repeat(70) + "\n---\nkind: Role\n";

    ParsedFile parsed = parse("deep-then-fine.yaml", yaml);

    assertThat(parsed.problems()).extracting(Problem::reason).containsExactly(ProblemReason.LIMIT_EXCEEDED);
    assertThat(parsed.documents()).extracting(YamlDocument::index).containsExactly(1);
  }

  @Test
  void refusesAnAliasThatWouldNestTooDeep() {
    String deep = "[".repeat(40) + "]".repeat(40);
    String yaml = "a: &deep " + deep + "\nb: " + "[".repeat(30) + "*deep" + "]".repeat(30) + "\n";

    ParsedFile parsed = parse("deep-alias.yaml", yaml);

    assertThat(parsed.problems()).containsExactly(Problem.at(new Origin("deep-alias.yaml", 2, 34),
        ProblemReason.LIMIT_EXCEEDED, "nesting deeper than 64 levels (through alias '*deep')"));
  }

  @Test
  void refusesAFileOverTheSizeLimitBeforeParsingIt() {
    byte[] fiveMegabytes = new byte[5 * 1024 * 1024];
    Arrays.fill(fiveMegabytes, (byte) '#');

    ParsedFile parsed = SafeYaml.parse("huge.yaml", fiveMegabytes, DEFAULTS);

    assertThat(parsed.documents()).isEmpty();
    assertThat(parsed.problems()).containsExactly(Problem.at(
        new Origin("huge.yaml", 1, 1), ProblemReason.REFUSED, "file is 5242880 bytes; the limit is 1048576"));
  }

  @Test
  void refusesMoreDocumentsThanTheLimitButKeepsTheFirstOnes() {
    YamlLimits twoDocuments = new YamlLimits(1024, 50, 64, 2);

    ParsedFile parsed = SafeYaml.parse("many.yaml",
        "a: 1\n---\nb: 2\n---\nc: 3\n".getBytes(StandardCharsets.UTF_8), twoDocuments);

    assertThat(parsed.documents()).hasSize(2);
    assertThat(parsed.problems()).containsExactly(Problem.at(
        new Origin("many.yaml", 4, 1), ProblemReason.LIMIT_EXCEEDED, "more than 2 documents in one file"));
  }

  @Test
  void refusesTextThatIsNotUtf8() {
    byte[] latin1 = "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

    ParsedFile parsed = SafeYaml.parse("latin1.yaml", latin1, DEFAULTS);

    assertThat(parsed.problems()).containsExactly(Problem.at(new Origin("latin1.yaml", 1, 10),
        ProblemReason.UNREADABLE, "not UTF-8 text (byte 0xE9 at byte offset 9); save the file as UTF-8"));
  }

  @Test
  void refusesBinaryContent() {
    ParsedFile parsed = SafeYaml.parse("blob.yaml", new byte[] {'a', ':', ' ', 0, '\n'}, DEFAULTS);

    assertThat(parsed.problems()).extracting(Problem::reason).containsExactly(ProblemReason.UNREADABLE);
  }

  @Test
  void dropsAByteOrderMark() {
    byte[] withBom = "\uFEFFkind: Role\n".getBytes(StandardCharsets.UTF_8);

    YamlDocument document = single(SafeYaml.parse("bom.yaml", withBom, DEFAULTS));

    assertThat(document.root().get("kind").stringValue()).isEqualTo("Role");
    assertThat(document.at("/kind")).isEqualTo(origin("bom.yaml", 1, 1));
  }

  @Test
  void reportsEveryProblemOfADocumentNotOnlyTheFirst() {
    ParsedFile parsed = parse("several.yaml", "a: 1\na: 2\nb: !!python/object x\nc: 3\nc: 4\n");

    assertThat(parsed.problems()).extracting(Problem::line).containsExactly(2, 3, 5);
  }

  private static YamlDocument single(ParsedFile parsed) {
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.documents()).hasSize(1);
    return parsed.documents().get(0);
  }

  private static Origin origin(String path, int line, int column) {
    return new Origin(path, line, column);
  }

  private static ParsedFile parse(String path, String yaml) {
    return SafeYaml.parse(path, yaml.getBytes(StandardCharsets.UTF_8), DEFAULTS);
  }

  static ParsedFile parseFixture(String name) {
    try (InputStream in = SafeYamlTest.class.getResourceAsStream("/yaml/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return SafeYaml.parse(name, in.readAllBytes(), DEFAULTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
