package io.apollo.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link DocumentReader#at} finds what Jackson's compiled {@link JsonPointer} finds, for every kind of pointer. */
class DocumentReaderPointerTest {
  private static final JsonNode TREE = JsonMapper.builder().build().readTree("""
      {"spec": {"items": [{"name": "a"}, {"name": "b"}, null], "": {"": 1}, "1": "one", "a/b": 2, "c~d": 3,
       "deep": {"list": [[10, 11], [12]]}}, "kind": "Entity", "n": null}
      """);

  static Stream<String> pointers() {
    return Stream.of("", "/spec", "/kind", "/n", "/n/x", "/missing", "/missing/deeper", "/spec/items",
        "/spec/items/0", "/spec/items/1/name", "/spec/items/2", "/spec/items/3", "/spec/items/-1", "/spec/items/01",
        "/spec/items/00", "/spec/items/x", "/spec/items/", "/spec/items/99999999999", "/spec/items/2147483648",
        "/spec/items/0/name/x", "/spec/", "/spec//", "/spec/1", "/spec/a~1b", "/spec/c~0d", "/spec/deep/list/0/1",
        "/spec/deep/list/1/0", "/spec/deep/list/1/1", "/kind/0", "/spec/items/0/");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pointers")
  void findsWhatACompiledPointerFinds(String pointer) {
    JsonNode expected = TREE.at(JsonPointer.compile(pointer));

    JsonNode actual = DocumentReader.at(TREE, pointer);

    assertThat(actual).isEqualTo(expected);
    assertThat(actual.isMissingNode()).isEqualTo(expected.isMissingNode());
  }
}
