package io.apollo.core.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.Origin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A kept subset of positions answers exactly as the whole for what it kept (issue 9: loaded documents keep few). */
class PositionsOnlyTest {
  private static final Positions ALL = new Positions(Map.of(
      "", new Origin("e.yaml", 1, 1),
      "/metadata", new Origin("e.yaml", 3, 1),
      "/metadata/name", new Origin("e.yaml", 4, 3),
      "/spec", new Origin("e.yaml", 5, 1),
      "/spec/product", new Origin("e.yaml", 6, 3),
      "/spec/config", new Origin("e.yaml", 7, 3),
      "/spec/config/replicas", new Origin("e.yaml", 8, 5)));

  @Test
  void keptPointersAndTheirAncestorsAnswerAsBefore() {
    Positions few = ALL.only(List.of("/metadata/name", "/spec/product", "/spec/version"));

    for (String pointer : List.of("", "/metadata", "/metadata/name", "/spec", "/spec/product", "/spec/version")) {
      assertThat(few.at(pointer)).as(pointer).isEqualTo(ALL.at(pointer));
    }
  }

  @Test
  void otherPointersFallBackToTheNearestKeptAncestor() {
    Positions few = ALL.only(List.of("/spec/product"));

    assertThat(few.at("/spec/config/replicas")).contains(new Origin("e.yaml", 5, 1));
    assertThat(few.at("/metadata/name")).contains(new Origin("e.yaml", 1, 1));
  }
}
