package io.apollo.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.version.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loader over a small valid repository ({@code load/base}) and, one at a time, a broken file from
 * {@code load/cases} added to it: each problem is reported at its file, line and column, and the base repository's
 * documents still load.
 */
class ConfigLoaderTest {
  private static final ConfigLoader LOADER = ConfigLoader.withDefaults();

  @TempDir Path repo;

  @Test
  void loadsTheBaseRepositoryAndResolvesWhatEntitiesImply() throws IOException {
    copyBase();

    LoadResult result = LOADER.load(repo);

    assertThat(result.problems()).isEmpty();
    DesiredState state = result.state();
    assertThat(state.products()).hasSize(2);
    assertThat(state.releasesOf(ProductId.parse("com.example:auth-service")))
        .extracting(r -> r.version().toString())
        .containsExactly("1.3.0-rc1", "1.2.0");
    Entity stagingAuth = state.entity(EntityId.parse("staging/auth")).orElseThrow();
    assertThat(stagingAuth.spoke()).as("the only spoke of staging is implied").isEqualTo("staging-1");
    assertThat(stagingAuth.channel()).contains(Channel.BETA);
    Entity catalog = state.entity(EntityId.parse("staging/catalog")).orElseThrow();
    assertThat(catalog.metadata().labels()).containsEntry("team", "shop");
    assertThat(catalog.configDigest()).startsWith("sha256:").isNotEqualTo(stagingAuth.configDigest());
    assertThat(state.release(ProductId.parse("com.example:catalog-service"),
            io.apollo.core.version.Version.parse("2.0.0")).orElseThrow().requiredDependencies())
        .singleElement()
        .satisfies(d -> assertThat(d.range()).isEqualTo("[1.2.0, 1.x.x]"));
    assertThat(state.constraints()).hasSize(3);
    assertThat(state.constraints()).filteredOn(c -> c.name().equals("release-day-freeze")).singleElement()
        .satisfies(c -> assertThat(c.rule()).isEqualTo(new io.apollo.core.config.ConstraintRule.SuppressionWindow(
            java.time.Instant.parse("2026-11-30T09:00:00Z"), java.time.Instant.parse("2026-11-30T17:00:00Z"),
            "Release day")));
    assertThat(state.invalidEntities()).isEmpty();
  }

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        // Issue 6: a typo in a required role once validated, leaving plans that could never be approved.
        Arguments.of("unknown-role", "cases/unknown-role.yaml", 18, 11,
            "spec.rules[0].requiredRoles[0]: no role 'sre-oncall' (roles: sre); did you mean 'sre'?"),
        // Issue 15: a signing key that is not an SSH public key line is refused where it is written.
        Arguments.of("malformed-signing-key", "cases/malformed-signing-key.yaml", 10, 11,
            "spec.members[0].signingKeys[1]: the key says it is ssh-ed25519 but its data is"),
        Arguments.of("unknown-signatures", "cases/unknown-signatures.yaml", 6, 3,
            "spec.signatures: 'sometimes' is not one of required, optional"),
        Arguments.of("unknown-product", "cases/unknown-product.yaml", 6, 3,
            "spec.product: no product 'com.example:nope' (known: com.example:auth-service, com.example:catalog-service)"),
        Arguments.of("unknown-environment", "cases/unknown-environment.yaml", 7, 3,
            "spec.environment: no environment 'qa' (known: production, staging)"),
        Arguments.of("unknown-spoke", "cases/unknown-spoke.yaml", 8, 3,
            "spec.spoke: environment 'production' has no spoke 'prod-north' (spokes: prod-east, prod-west)"),
        Arguments.of("unknown-release", "cases/unknown-release.yaml", 8, 3,
            "spec.version: no release 9.9.9 of com.example:auth-service (releases: 1.3.0-rc1, 1.2.0)"),
        Arguments.of("spoke-required", "cases/spoke-required.yaml", 7, 3,
            "spec.spoke is required: environment 'production' has 2 spokes (prod-east, prod-west); name one"),
        Arguments.of("unorderable-version", "cases/unorderable-version.yaml", 8, 3,
            "spec.version: '1.2.3-beta1' is not an orderable SLS version"),
        Arguments.of("duplicate-release", "releases/auth.yaml", 4, 3,
            "release 'com.example:auth-service 1.2.0' is defined twice (first at cases/duplicate-release.yaml:1:1)"),
        Arguments.of("stable-rc", "cases/stable-rc.yaml", 10, 7,
            "spec.channels[1]: 'stable' takes only release versions (X.Y.Z); 1.4.0-rc1 is a release candidate"),
        Arguments.of("dependency-min-above-max", "cases/dependency-min-above-max.yaml", 13, 11,
            "minimum-version 3.0.0 is above maximum-version 2.x.x"),
        Arguments.of("dependency-lockstep", "cases/dependency-lockstep.yaml", 14, 11,
            "minimum-version and maximum-version are both 1.2.0 (lockstep)"),
        Arguments.of("bad-cron", "cases/bad-cron.yaml", 8, 5,
            "spec.maintenanceWindow.cron: '0 2 * *' is not a UNIX cron expression"),
        Arguments.of("bad-zone", "cases/bad-zone.yaml", 10, 5,
            "spec.maintenanceWindow.timeZone: 'Europe/Atlantis' is not a time zone"),
        Arguments.of("freeze-backwards", "cases/freeze-backwards.yaml", 9, 5,
            "spec.suppressionWindow.end (2026-12-20T00:00:00Z) must be after start (2027-01-04T00:00:00Z)"),
        Arguments.of("promotion-without-source", "cases/promotion-without-source.yaml", 8, 5,
            "spec.promotion.from must name environments, entities or labels"),
        Arguments.of("promotion-zero-bake", "cases/promotion-zero-bake.yaml", 9, 5,
            "spec.promotion.bake: 'PT0S' is not a positive ISO-8601 duration"),
        Arguments.of("neither-version-nor-channel", "cases/neither-version-nor-channel.yaml", 5, 1,
            "spec: give exactly one of 'version' (pin) or 'channel' (follow a channel), got neither"),
        Arguments.of("duplicate-entity", "entities/staging.yaml", 4, 3,
            "entity 'staging/auth' is defined twice (first at cases/duplicate-entity.yaml:1:1)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void reportsEachProblemAtItsPositionAndKeepsTheRest(
      String name, String path, int line, int column, String message) throws IOException {
    copyBase();
    addCase(name);

    LoadResult result = LOADER.load(repo);

    assertThat(result.problems())
        .as("problems of %s", name)
        .anySatisfy(p -> {
          assertThat(p.path()).isEqualTo(path);
          assertThat(p.line()).isEqualTo(line);
          assertThat(p.column()).isEqualTo(column);
          assertThat(p.message()).contains(message);
        });
    assertThat(result.state().products()).as("valid products of other files still load").hasSizeGreaterThanOrEqualTo(2);
    assertThat(result.state().environments()).containsKeys("staging", "production");
  }

  @Test
  void loadingOnManyThreadsGivesWhatLoadingOnOneGives() throws IOException {
    copyBase();
    for (String name : List.of("duplicate-release", "broken-yaml", "unknown-spoke", "stable-rc")) {
      addCase(name);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      LoadResult parallel = LOADER.load(new FileTreeSource(repo, 1024 * 1024), pool);
      LoadResult sequential = LOADER.load(repo);

      assertThat(parallel).isEqualTo(sequential);
      assertThat(parallel.problems()).hasSizeGreaterThanOrEqualTo(4);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anAbsentEntityNeedsNoVersionOrChannelAndAProductNoType() throws IOException {
    copyBase();
    addCase("absent-without-version");

    LoadResult result = LOADER.load(repo);

    assertThat(result.problems()).isEmpty();
    Entity absent = result.state().entity(EntityId.parse("staging/legacy-reports")).orElseThrow();
    assertThat(absent.state()).isEqualTo(io.apollo.core.config.Presence.ABSENT);
    assertThat(absent.version()).isEmpty();
    assertThat(absent.channel()).isEmpty();
    assertThat(result.state().product(ProductId.parse("com.example:legacy-reports")).orElseThrow().type())
        .as("sls-service is the default operator").isEqualTo(io.apollo.core.config.ProductType.SLS_SERVICE);
  }

  @Test
  void aDuplicatedReleaseLeavesTheEntityPinnedToItAloneAndSaysWhy() throws IOException {
    copyBase();
    addCase("duplicate-release");

    LoadResult result = LOADER.load(repo);

    assertThat(result.state().invalidEntities()).contains(EntityId.parse("production/auth"));
    assertThat(result.state().entity(EntityId.parse("production/auth"))).isEmpty();
    assertThat(result.problems()).anySatisfy(p -> {
      assertThat(p.path()).isEqualTo("entities/production.yaml");
      assertThat(p.message()).contains("is defined at").contains("but that definition has errors");
    });
  }

  @Test
  void anEntityOfABrokenProductIsInvalidNotUnknown() throws IOException {
    copyBase();
    addCase("broken-product-referenced");

    LoadResult result = LOADER.load(repo);

    assertThat(result.state().invalidEntities()).contains(EntityId.parse("staging/search"));
    assertThat(result.problems()).anySatisfy(p -> {
      assertThat(p.reason()).isEqualTo(ProblemReason.UNRESOLVED_REFERENCE);
      assertThat(p.message()).contains("product 'com.example:search' is defined at cases/broken-product-referenced.yaml:")
          .contains("this entity is left alone");
    });
  }

  @Test
  void aFileThatDoesNotParseIsNamedAndTheOthersStillLoad() throws IOException {
    copyBase();
    addCase("broken-yaml");

    LoadResult result = LOADER.load(repo);

    assertThat(result.unreadableFiles()).containsExactly("cases/broken-yaml.yaml");
    assertThat(result.problems()).anySatisfy(p -> {
      assertThat(p.path()).isEqualTo("cases/broken-yaml.yaml");
      assertThat(p.reason()).isEqualTo(ProblemReason.YAML_SYNTAX);
    });
    assertThat(result.state().products()).hasSize(2);
    assertThat(result.state().entities()).hasSize(3);
  }

  @Test
  void aRepositoryOverItsByteCapReadsNoMoreFiles() throws IOException {
    copyBase();
    ConfigLoader small = new ConfigLoader(io.apollo.core.load.schema.SchemaValidator.bundled(),
        io.apollo.core.load.yaml.YamlLimits.defaults(), 1500);

    LoadResult result = small.load(repo);

    assertThat(result.problems()).anySatisfy(p -> {
      assertThat(p.reason()).isEqualTo(ProblemReason.REFUSED);
      assertThat(p.message()).contains("the repository holds more than 1500 bytes of YAML");
    });
  }

  @Test
  void twoReleaseHoldsOfOneNameAreBothEnforcedAndReported() throws IOException {
    copyBase();
    for (String version : List.of("1.3.0", "1.3.1")) {
      Path hold = repo.resolve("holds/copy-" + version + ".yaml");
      Files.createDirectories(hold.getParent());
      Files.writeString(hold, """
          apiVersion: apollo/v1
          kind: ReleaseHold
          metadata:
            name: auth-service-held
          spec:
            product: com.example:auth-service
            version: %s
            reason: bad on start
          """.formatted(version));
    }

    LoadResult result = LOADER.load(repo);

    assertThat(result.state().holds()).extracting(h -> h.version().toString()).containsExactlyInAnyOrder("1.3.0",
        "1.3.1");
    assertThat(result.problems()).anySatisfy(p -> assertThat(p.message()).contains("release hold 'auth-service-held'")
        .contains("every copy is enforced"));
  }

  private void copyBase() throws IOException {
    Path base = resource("load/base");
    try (Stream<Path> files = Files.walk(base)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = repo.resolve(base.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  private void addCase(String name) throws IOException {
    Path target = repo.resolve("cases/" + name + ".yaml");
    Files.createDirectories(target.getParent());
    Files.copy(resource("load/cases/" + name + ".yaml"), target);
  }

  static Path resource(String name) {
    try {
      return Paths.get(ConfigLoaderTest.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }

}
