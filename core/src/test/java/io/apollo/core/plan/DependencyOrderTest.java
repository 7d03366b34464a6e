package io.apollo.core.plan;

import io.apollo.core.config.PlanType;
import static io.apollo.core.plan.Fleet.fleet;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.version.Version;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Plans go by environment, and within one, dependencies first; otherwise in entity id order. */
class DependencyOrderTest {
  static final String WEB = "com.example:web";
  static final String API = "com.example:api";
  static final String DB = "com.example:db";

  @Test
  void dependenciesGoFirstWithinAnEnvironment() {
    // Entity ids sort web < api < db the wrong way round on purpose.
    Fleet fleet = fleet()
        .release(DB, "2.0.0")
        .release(API, "1.0.0", r -> r.needs(DB, "2.0.0", "2.x.x"))
        .release(WEB, "3.0.0", r -> r.needs(API, "1.0.0", "1.x.x"))
        .pinned("production/a-web", WEB, "3.0.0")
        .pinned("production/b-api", API, "1.0.0")
        .pinned("production/c-db", DB, "2.0.0")
        .pinned("production/d-web-2", WEB, "3.0.0")
        .pinned("staging/a-web", WEB, "3.0.0")
        .pinned("staging/c-db", DB, "2.0.0");

    List<Plan> plans = new Planner((change, context) -> List.of()).plan(fleet.input()).plans();

    assertThat(plans).extracting(p -> p.entity().toString()).containsExactly(
        "production/c-db", "production/b-api", "production/a-web", "production/d-web-2",
        // web needs api, not db, and staging plans no api: nothing to wait for, so id order.
        "staging/a-web", "staging/c-db");
  }

  static Stream<Arguments> orders() {
    return Stream.of(
        Arguments.of("independent plans keep entity id order",
            List.of(plan("e/a", "g:x"), plan("e/b", "g:y"), plan("e/c", "g:z")), Map.of(),
            List.of("e/a", "e/b", "e/c")),
        Arguments.of("environments in name order",
            List.of(plan("staging/a", "g:x"), plan("production/b", "g:x"), plan("dev/c", "g:x")), Map.of(),
            List.of("dev/c", "production/b", "staging/a")),
        Arguments.of("every plan of the upstream product goes before its dependent",
            List.of(plan("e/a", "g:app"), plan("e/b", "g:lib"), plan("e/c", "g:lib")),
            Map.of("e/a", List.of("g:lib")), List.of("e/b", "e/c", "e/a")),
        Arguments.of("a dependency with no plan in the environment does not hold anything back",
            List.of(plan("e/a", "g:app"), plan("e/b", "g:other")), Map.of("e/a", List.of("g:lib")),
            List.of("e/a", "e/b")),
        Arguments.of("a dependency planned in another environment does not count",
            List.of(plan("e/a", "g:app"), plan("f/b", "g:lib")), Map.of("e/a", List.of("g:lib")),
            List.of("e/a", "f/b")),
        Arguments.of("a chain goes upstream first",
            List.of(plan("e/a", "g:web"), plan("e/b", "g:api"), plan("e/c", "g:db")),
            Map.of("e/a", List.of("g:api"), "e/b", List.of("g:db")), List.of("e/c", "e/b", "e/a")),
        Arguments.of("a cycle falls back to id order",
            List.of(plan("e/b", "g:y"), plan("e/a", "g:x")), Map.of("e/a", List.of("g:y"), "e/b", List.of("g:x")),
            List.of("e/a", "e/b")),
        Arguments.of("a cycle does not hold back what is free",
            List.of(plan("e/a", "g:x"), plan("e/b", "g:y"), plan("e/c", "g:z"), plan("e/d", "g:w")),
            Map.of("e/a", List.of("g:y"), "e/b", List.of("g:x"), "e/c", List.of("g:w")),
            List.of("e/d", "e/c", "e/a", "e/b")),
        Arguments.of("a product depending on itself is not a cycle",
            List.of(plan("e/b", "g:x"), plan("e/a", "g:x")), Map.of("e/a", List.of("g:x")),
            List.of("e/a", "e/b")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orders")
  void orders(String name, List<Plan> plans, Map<String, List<String>> dependsOn, List<String> expected) {
    List<Plan> ordered = DependencyOrder.sort(plans, p -> products(dependsOn.get(p.entity().toString())));

    assertThat(ordered).extracting(p -> p.entity().toString()).containsExactlyElementsOf(expected);
  }

  private static Collection<ProductId> products(List<String> ids) {
    List<ProductId> products = new ArrayList<>();
    if (ids != null) {
      ids.forEach(id -> products.add(ProductId.parse(id)));
    }
    return products;
  }

  static Plan plan(String entity, String product) {
    return new Plan("pl-" + entity, EntityId.parse(entity), ProductId.parse(product), "spoke", PlanType.INSTALL,
        Optional.empty(), Optional.of(Version.parse("1.0.0")), "", PlanState.APPROVED, List.of(), Set.of(), Set.of(),
        PlanReason.NOT_INSTALLED, "install", Optional.empty());
  }
}
