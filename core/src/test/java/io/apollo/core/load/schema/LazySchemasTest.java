package io.apollo.core.load.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.load.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Each schema is compiled on its first use (issue 9, start-up), and first uses may come from many threads at once. */
class LazySchemasTest {
  private static final List<String> FIXTURES = List.of("constraint-errors.yaml", "entity-errors.yaml",
      "entity-neither.yaml", "envelope-errors.yaml", "environment-errors.yaml", "mixed.yaml", "policy-errors.yaml",
      "product-errors.yaml");

  @Test
  void compilesOnlyTheSchemasOfTheKindsItIsGiven() {
    SchemaValidator fresh = SchemaValidator.load();
    assertThat(fresh.compiledFiles()).isEmpty();

    YamlDocument entity = SchemaValidatorTest.parse("entity-errors.yaml").documents().get(0);
    fresh.validate(entity);

    assertThat(fresh.compiledFiles()).containsExactly("entity.schema.json");
  }

  @Test
  void prepareCompilesEveryKindsSchemaAndNothingElseAndValidatesAlike() {
    SchemaValidator fresh = SchemaValidator.load();
    fresh.prepare();

    java.util.Set<String> kinds = new java.util.HashSet<>();
    for (io.apollo.core.config.Kind kind : io.apollo.core.config.Kind.values()) {
      kinds.add(SchemaValidator.fileOf(kind));
    }
    assertThat(fresh.compiledFiles()).isEqualTo(kinds);
    for (String fixture : FIXTURES) {
      for (YamlDocument document : SchemaValidatorTest.parse(fixture).documents()) {
        assertThat(fresh.validate(document)).isEqualTo(SchemaValidator.bundled().validate(document));
      }
    }
  }

  @Test
  void firstUsesFromManyThreadsAtOnceGiveTheSameResultsAsOneThread() throws Exception {
    List<YamlDocument> documents = new ArrayList<>();
    FIXTURES.forEach(f -> documents.addAll(SchemaValidatorTest.parse(f).documents()));
    List<SchemaValidator.Result> expected = documents.stream().map(SchemaValidator.bundled()::validate).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 5; round++) {
        SchemaValidator fresh = SchemaValidator.load();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<SchemaValidator.Result>>> results = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
          int offset = thread;
          results.add(pool.submit(() -> {
            start.await();
            // Each thread starts on a different document, so first uses of different kinds overlap.
            SchemaValidator.Result[] mine = new SchemaValidator.Result[documents.size()];
            for (int i = 0; i < documents.size(); i++) {
              int at = (i + offset) % documents.size();
              mine[at] = fresh.validate(documents.get(at));
            }
            return List.of(mine);
          }));
        }
        start.countDown();
        for (Future<List<SchemaValidator.Result>> result : results) {
          assertThat(result.get()).isEqualTo(expected);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
