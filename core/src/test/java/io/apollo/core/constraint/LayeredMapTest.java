package io.apollo.core.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A layered map reads as the plain map edited the same way, whether its edits stay a layer or are folded in. */
class LayeredMapTest {
  static Stream<Arguments> edits() {
    return Stream.of(
        Arguments.of("a few keys changed, added and removed: kept as a layer", 3),
        Arguments.of("more edits than the layer keeps: folded into a new base", 500));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edits")
  void readsAsThePlainMapEditedTheSameWay(String name, int edits) {
    Map<Integer, String> plain = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      plain.put(i, "v" + i);
    }
    LayeredMap<Integer, String> first = LayeredMap.of(new HashMap<>(plain));
    Map<Integer, String> before = new HashMap<>(plain);
    LayeredMap<Integer, String> layered = first;
    for (int round = 0; round < 3; round++) {
      Map<Integer, String> change = new HashMap<>();
      for (int i = 0; i < edits; i++) {
        int key = (round * 337 + i * 7) % 1200;
        String value = key % 3 == 0 ? null : "r" + round + "-" + key;
        change.put(key, value);
        if (value == null) {
          plain.remove(key);
        } else {
          plain.put(key, value);
        }
      }
      layered = layered.with(change);
    }
    Map<Integer, String> read = new HashMap<>();
    layered.forEach(read::put);
    assertThat(read).isEqualTo(plain);
    for (int key = 0; key < 1200; key++) {
      assertThat(layered.get(key)).as("key %s", key).isEqualTo(plain.get(key));
    }
    Map<Integer, String> untouched = new HashMap<>();
    first.forEach(untouched::put);
    assertThat(untouched).as("the first map is left as it was").isEqualTo(before);
  }
}
