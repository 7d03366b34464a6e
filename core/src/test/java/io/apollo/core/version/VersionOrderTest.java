package io.apollo.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden ordering vectors from sls-version-java and the SLS spec: Apollo must order versions exactly as they do. */
class VersionOrderTest {

  private static final List<String> ASCENDING = Vectors.lines("ascending-order.txt");

  static Stream<Arguments> neighbours() {
    return IntStream.range(0, ASCENDING.size() - 1).mapToObj(i -> Arguments.of(ASCENDING.get(i), ASCENDING.get(i + 1)));
  }

  @ParameterizedTest(name = "{0} < {1}")
  @MethodSource("neighbours")
  void each_version_in_the_ascending_list_is_older_than_the_next(String older, String newer) {
    Version o = Version.parse(older);
    Version n = Version.parse(newer);

    assertThat(o).isLessThan(n);
    assertThat(n).isGreaterThan(o);
    assertThat(o.isOlderThan(n)).isTrue();
    assertThat(n.isNewerThan(o)).isTrue();
    assertThat(o.isNewerThan(n)).isFalse();
  }

  @Test
  void the_ascending_list_is_a_strict_total_order() {
    List<Version> versions = ASCENDING.stream().map(Version::parse).toList();

    for (int i = 0; i < versions.size(); i++) {
      for (int j = 0; j < versions.size(); j++) {
        assertThat(Integer.signum(versions.get(i).compareTo(versions.get(j))))
            .as("%s vs %s", versions.get(i), versions.get(j))
            .isEqualTo(Integer.compare(i, j));
      }
    }
  }

  @Test
  void sorting_the_reversed_list_restores_it() {
    List<Version> shuffled = new ArrayList<>(ASCENDING.stream().map(Version::parse).toList());
    Collections.reverse(shuffled);
    // a fixed rotation as well, so the sort sees neither a sorted nor a reversed input
    Collections.rotate(shuffled, shuffled.size() / 3);

    Collections.sort(shuffled);

    assertThat(shuffled).extracting(Version::toString).containsExactlyElementsOf(ASCENDING);
  }

  @Test
  void every_version_keeps_the_text_it_was_written_with() {
    assertThat(ASCENDING.stream().map(Version::parse).map(Version::toString)).containsExactlyElementsOf(ASCENDING);
  }

  static Stream<Arguments> orderedPairs() {
    return Vectors.rows("ordered-pairs.csv", 3).stream().map(r -> Arguments.of(r[0], r[1], r[2]));
  }

  @ParameterizedTest(name = "{0}: {1} < {2}")
  @MethodSource("orderedPairs")
  void targeted_pairs_are_ordered(String name, String older, String newer) {
    Version o = Version.parse(older);
    Version n = Version.parse(newer);

    assertThat(o.compareTo(n)).isNegative();
    assertThat(n.compareTo(o)).isPositive();
    assertThat(o).isNotEqualTo(n);
  }

  static Stream<Arguments> equalPairs() {
    return Vectors.rows("equal-pairs.csv", 3).stream().map(r -> Arguments.of(r[0], r[1], r[2]));
  }

  @ParameterizedTest(name = "{0}: {1} == {2}")
  @MethodSource("equalPairs")
  void versions_differing_only_in_a_snapshot_hash_compare_equal(String name, String left, String right) {
    Version l = Version.parse(left);
    Version r = Version.parse(right);

    assertThat(l.compareTo(r)).isZero();
    assertThat(r.compareTo(l)).isZero();
    assertThat(l.isNewerThan(r) || l.isOlderThan(r)).isFalse();
  }

  @ParameterizedTest(name = "{0}: {1} vs {2}")
  @MethodSource("equalPairs")
  void equals_holds_only_for_the_same_text(String name, String left, String right) {
    Version l = Version.parse(left);
    Version r = Version.parse(right);

    if (left.equals(right)) {
      assertThat(l).isEqualTo(r).hasSameHashCodeAs(r);
    } else {
      // different builds at the same place in the order: not the same version
      assertThat(l).isNotEqualTo(r);
    }
  }

  @Test
  void a_snapshot_of_the_same_count_with_another_hash_is_not_equal_but_not_newer() {
    Version a = Version.parse("1.0.0-1-gaaaaaaa");
    Version b = Version.parse("1.0.0-1-gbbbbbbb");

    assertThat(a).isNotEqualTo(b).isEqualByComparingTo(b);
  }
}
