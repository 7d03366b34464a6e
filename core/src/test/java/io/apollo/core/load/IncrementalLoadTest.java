package io.apollo.core.load;

import static io.apollo.core.load.Docs.constraint;
import static io.apollo.core.load.Docs.entity;
import static io.apollo.core.load.Docs.environment;
import static io.apollo.core.load.Docs.file;
import static io.apollo.core.load.Docs.hold;
import static io.apollo.core.load.Docs.notification;
import static io.apollo.core.load.Docs.plan;
import static io.apollo.core.load.Docs.policy;
import static io.apollo.core.load.Docs.product;
import static io.apollo.core.load.Docs.release;
import static io.apollo.core.load.Docs.role;
import static io.apollo.core.load.LoadComparison.assertSameLoad;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An incremental load equals a full load of the same tree, for each kind of change: the small valid repository of
 * {@code load/base} plus one document of each other kind, then each case's commits one after the other, then the
 * base again; after each, the incremental load (fed every commit in turn) is compared in full with a fresh load.
 */
class IncrementalLoadTest {
  private static final ConfigLoader LOADER = ConfigLoader.withDefaults();
  private static final String AUTH = "com.example:auth-service";
  private static final String CATALOG = "com.example:catalog-service";

  /** One commit: edits to the tree. */
  interface Commit extends Consumer<MemorySource> {}

  static Stream<Arguments> changes() {
    return Stream.of(
        c("product added", t -> t.put("products/search.yaml", product("com.example:search"))),
        c("product added with its entity", t -> t.put("products/search.yaml",
            file(product("com.example:search"), entity("staging", "search", "com.example:search", null, 1)))),
        c("product modified", t -> t.edit("products/products.yaml", "Auth Service", "Auth")),
        c("product removed: its entity and release no longer resolve",
            t -> t.put("products/products.yaml", product(AUTH))),
        c("release added", t -> t.put("releases/auth-2.yaml", release(AUTH, "1.4.0"))),
        c("release modified", t -> t.edit("releases/catalog.yaml", "[beta, stable]", "[beta]")),
        c("release removed that an entity pins", t -> t.put("releases/auth.yaml", release(AUTH, "1.3.0-rc1"))),
        c("environment added", t -> t.put("environments/qa.yaml", environment("qa", "qa-1"))),
        c("environment modified: a second spoke makes the spoke required", t -> t.edit(
            "environments/environments.yaml", "      url: http://127.0.0.1:8181\n",
            "      url: http://127.0.0.1:8181\n    - name: staging-2\n")),
        c("environment removed", t -> t.put("environments/environments.yaml", environment("staging", "staging-1"))),
        c("entity added", t -> t.put("entities/billing.yaml", entity("staging", "billing", AUTH, "1.2.0", 1))),
        c("entity modified", t -> t.edit("entities/staging.yaml", "replicas: 2", "replicas: 3")),
        c("entity removed", t -> t.remove("entities/production.yaml")),
        c("constraint added", t -> t.put("constraints/more.yaml", constraint("more", "staging"))),
        c("constraint modified", t -> t.edit("constraints/freeze.yaml", "Holiday freeze", "Winter freeze")),
        c("constraint removed", t -> t.remove("constraints/freeze.yaml")),
        c("approval policy added", t -> t.put("policies/more.yaml", policy("more", "sre"))),
        c("approval policy modified: a role it requires is missing, then restored",
            t -> t.edit("policies/policy.yaml", "- sre", "- sre-oncall"),
            t -> t.edit("policies/policy.yaml", "- sre-oncall", "- sre")),
        c("approval policy removed", t -> t.remove("policies/policy.yaml")),
        c("role added", t -> t.put("policies/dba.yaml", role("dba", "bob@example.com"))),
        c("role modified", t -> t.edit("policies/roles.yaml", "alice@", "carol@")),
        c("role removed that a policy requires", t -> t.remove("policies/roles.yaml")),
        c("plan added", t -> t.put("plans/other.yaml", plan("aaaa111122", "1.3.0-rc1"))),
        c("plan modified", t -> t.edit("plans/plan.yaml", "1.3.0-rc1", "1.3.0")),
        c("plan removed", t -> t.remove("plans/plan.yaml")),
        c("notification added", t -> t.put("notifications/more.yaml", notification("more", "staging"))),
        c("notification modified", t -> t.edit("notifications/n.yaml", "[production]", "[staging]")),
        c("notification removed", t -> t.remove("notifications/n.yaml")),
        c("release hold added", t -> t.put("holds/more.yaml", hold("more", AUTH, "1.2.0"))),
        c("release hold modified", t -> t.edit("holds/hold.yaml", "canary degraded", "errors")),
        c("release hold removed", t -> t.remove("holds/hold.yaml")),
        c("entity file made invalid YAML, then fixed",
            t -> t.put("entities/staging.yaml", "spec: [unclosed\n"), t -> t.put("entities/staging.yaml",
                base().copy().text("entities/staging.yaml"))),
        c("product file made invalid YAML", t -> t.edit("products/products.yaml", "type: sls-service\n---",
            "type: [sls\n---")),
        c("the second document of an entity file does not parse: the file is partly read",
            t -> t.put("entities/production.yaml", file(base().text("entities/production.yaml"), "a: [b\n"))),
        c("entity made schema-invalid, then fixed", t -> t.edit("entities/staging.yaml",
            "  product: com.example:catalog-service\n", ""), t -> t.put("entities/staging.yaml",
                base().text("entities/staging.yaml"))),
        c("release made schema-invalid while an entity pins it",
            t -> t.edit("releases/catalog.yaml", "[beta, stable]", "[nope]")),
        c("product made schema-invalid while entities refer to it",
            t -> t.edit("products/products.yaml", "criticality: critical", "criticality: very")),
        c("entity duplicated in a later file, then removed",
            t -> t.put("entities/zz-copy.yaml", entity("staging", "catalog", CATALOG, "2.0.0", 5)),
            t -> t.remove("entities/zz-copy.yaml")),
        c("entity duplicated in an earlier file",
            t -> t.put("entities/aa-copy.yaml", entity("staging", "catalog", CATALOG, "2.0.0", 5))),
        c("entity duplicated twice, one copy removed, then the other",
            t -> t.put("entities/aa-copy.yaml", entity("staging", "catalog", CATALOG, "2.0.0", 5))
                .put("entities/zz-copy.yaml", entity("staging", "catalog", CATALOG, "2.0.0", 6)),
            t -> t.remove("entities/aa-copy.yaml"), t -> t.remove("entities/zz-copy.yaml")),
        c("entity duplicated within its file", t -> t.put("entities/production.yaml", file(
            entity("production", "auth", AUTH, "1.2.0", 1).replace("environment: production",
                "environment: production\n  spoke: prod-east"), entity("production", "auth", AUTH, "1.2.0", 2)))),
        c("a broken entity document of the same identity in another file", t -> t.put("entities/zz-broken.yaml",
            entity("staging", "catalog", CATALOG, "2.0.0", 5).replace("  product: " + CATALOG + "\n", ""))),
        c("product duplicated across files", t -> t.put("products/copy.yaml", product(AUTH))),
        c("release duplicated across files", t -> t.put("releases/copy.yaml", release(AUTH, "1.2.0"))),
        c("environment duplicated across files", t -> t.put("environments/copy.yaml",
            environment("staging", "staging-1"))),
        c("role duplicated across files", t -> t.put("policies/copy.yaml", role("sre", "bob@example.com"))),
        c("constraint duplicated across files: both kept", t -> t.put("constraints/copy.yaml",
            constraint("holiday-freeze", "staging"))),
        c("plan, notification and hold duplicated across files", t -> t
            .put("plans/copy.yaml", plan("3f1c9a7b2d", "1.3.0"))
            .put("notifications/copy.yaml", notification("production-failures", "staging"))
            .put("holds/copy.yaml", hold("catalog-hold", CATALOG, "2.0.0"))),
        c("entity refers to a missing product, then restored",
            t -> t.edit("entities/production.yaml", AUTH, "com.example:nope"),
            t -> t.edit("entities/production.yaml", "com.example:nope", AUTH)),
        c("entity refers to a missing product, and another product is added: the known ones it lists change",
            t -> t.edit("entities/production.yaml", AUTH, "com.example:nope"),
            t -> t.put("products/zeta.yaml", product("com.example:zeta"))),
        c("entity pins a missing release, and another release of its product is added",
            t -> t.edit("entities/production.yaml", "1.2.0", "1.9.0"),
            t -> t.put("releases/auth-2.yaml", release(AUTH, "1.4.0"))),
        c("entity refers to a missing environment, which is then added",
            t -> t.put("entities/qa.yaml", entity("qa", "auth", AUTH, "1.2.0", 1)),
            t -> t.put("environments/qa.yaml", environment("qa", "qa-1"))),
        c("release of a missing product, which is then added",
            t -> t.put("releases/ghost.yaml", release("com.example:ghost", "1.0.0")),
            t -> t.put("products/ghost.yaml", product("com.example:ghost"))),
        c("a document moved between files", t -> t
            .put("entities/staging.yaml", base().text("entities/staging.yaml").split("---\n")[0])
            .put("entities/catalog.yaml", base().text("entities/staging.yaml").split("---\n")[1])),
        c("a product moved between files", t -> t.put("products/products.yaml", product(AUTH))
            .put("products/zz-catalog.yaml", product(CATALOG))),
        c("a file renamed", t -> t.remove("entities/production.yaml")
            .put("entities/prod.yaml", base().text("entities/production.yaml"))),
        c("a duplicated entity's later file renamed to come first", t -> t.put("entities/zz-copy.yaml",
            entity("staging", "catalog", CATALOG, "2.0.0", 5)), t -> t.remove("entities/zz-copy.yaml")
            .put("entities/aa-copy.yaml", entity("staging", "catalog", CATALOG, "2.0.0", 5))),
        c("a file deleted", t -> t.remove("releases/auth.yaml")),
        c("every file deleted", t -> List.copyOf(t.paths()).forEach(t::remove)),
        c("several changes at once", t -> t.edit("entities/staging.yaml", "replicas: 2", "replicas: 4")
            .put("releases/auth-2.yaml", release(AUTH, "1.4.0")).remove("constraints/freeze.yaml")
            .put("entities/zz.yaml", entity("production", "search", "com.example:nope", null, 1))
            .put("policies/copy.yaml", role("sre", "bob@example.com"))),
        c("an entity changed and a plan file added, as the hub's own plan commits make them",
            t -> t.edit("entities/staging.yaml", "replicas: 2", "replicas: 12")
                .put("plans/staging/bbbb222233.yaml", plan("bbbb222233", "2.0.0"))),
        c("several commits in a row", t -> t.put("releases/auth-2.yaml", release(AUTH, "1.4.0")),
            t -> t.edit("entities/production.yaml", "1.2.0", "1.4.0"),
            t -> t.remove("releases/auth-2.yaml"),
            t -> t.edit("entities/staging.yaml", "replicas: 2", "replicas: 4")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void equalsAFullLoadAfterEachCommit(String name, List<Commit> commits) {
    MemorySource tree = base();
    IncrementalLoad incremental = new IncrementalLoad(LOADER);
    assertSameLoad(incremental.load(tree, Runnable::run), LOADER.load(tree), "the base");
    for (int i = 0; i < commits.size(); i++) {
      commits.get(i).accept(tree);
      assertSameLoad(incremental.load(tree, Runnable::run), LOADER.load(tree), name + ", commit " + (i + 1));
    }
    MemorySource back = base();
    assertSameLoad(incremental.load(back, Runnable::run), LOADER.load(back), name + ", then the base again");
  }

  private static Arguments c(String name, Commit... commits) {
    return Arguments.of(name, List.of(commits));
  }

  /** {@code load/base} and one document of each kind it lacks. */
  static MemorySource base() {
    MemorySource tree = new MemorySource();
    try {
      Path root = Paths.get(IncrementalLoadTest.class.getResource("/load/base").toURI());
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          tree.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return tree.put("policies/roles.yaml", role("sre", "alice@example.com"))
        .put("policies/policy.yaml", policy("production-upgrades", "sre"))
        .put("plans/plan.yaml", plan("3f1c9a7b2d", "1.3.0-rc1"))
        .put("notifications/n.yaml", notification("production-failures", "production"))
        .put("holds/hold.yaml", hold("catalog-hold", CATALOG, "2.0.0"));
  }
}
