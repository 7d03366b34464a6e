package io.apollo.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A reload re-parses only the files whose blob changed, and gives what a load without a cache gives. */
class ParseCacheTest {
  private static final ConfigLoader LOADER = ConfigLoader.withDefaults();

  private static final String PRODUCT = """
      apiVersion: apollo/v1
      kind: Product
      metadata:
        name: com.example:auth-service
      spec:
        type: sls-service
      """;
  private static final String RELEASES = """
      apiVersion: apollo/v1
      kind: Release
      metadata:
        name: auth-service-1.2.0
      spec:
        product: com.example:auth-service
        version: 1.2.0
      """;
  private static final String ENVIRONMENT = """
      apiVersion: apollo/v1
      kind: Environment
      metadata:
        name: staging
      spec:
        spokes:
          - name: staging-1
      """;

  private static String entity(String version) {
    return """
        apiVersion: apollo/v1
        kind: Entity
        metadata:
          name: auth
        spec:
          product: com.example:auth-service
          environment: staging
          version: %s
        """.formatted(version);
  }

  private final MemorySource source = new MemorySource()
      .put("products/auth.yaml", PRODUCT)
      .put("releases/auth.yaml", RELEASES)
      .put("environments/staging.yaml", ENVIRONMENT)
      .put("entities/auth.yaml", entity("1.2.0"));
  private final ParseCache cache = new ParseCache();

  @Test
  void anUnchangedRepositoryIsNotReadAgain() {
    LoadResult first = LOADER.load(source, Runnable::run, cache);
    int readsAfterFirst = source.reads.get();
    LoadResult second = LOADER.load(source, Runnable::run, cache);

    assertThat(readsAfterFirst).isEqualTo(4);
    assertThat(source.reads.get()).as("no file read again").isEqualTo(4);
    assertThat(second).isEqualTo(first);
    assertThat(first.problems()).isEmpty();
  }

  @Test
  void aChangedFileIsReadAgainAndTheResultIsAsWithoutACache() {
    LOADER.load(source, Runnable::run, cache);
    source.put("entities/auth.yaml", entity("9.9.9"));

    LoadResult cached = LOADER.load(source, Runnable::run, cache);

    assertThat(source.reads.get()).as("only the changed file read again").isEqualTo(5);
    assertThat(cached).isEqualTo(LOADER.load(source));
    assertThat(cached.problems()).singleElement()
        .satisfies(p -> assertThat(p.toString()).startsWith("entities/auth.yaml:8:3: spec.version: no release 9.9.9"));
  }

  @Test
  void aRemovedFileIsForgotten() {
    LOADER.load(source, Runnable::run, cache);
    source.remove("entities/auth.yaml");

    LoadResult result = LOADER.load(source, Runnable::run, cache);

    assertThat(cache.size()).isEqualTo(3);
    assertThat(result.state().entities()).isEmpty();
  }
}
