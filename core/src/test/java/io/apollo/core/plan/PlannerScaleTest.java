package io.apollo.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductDependency;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.version.Channel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A fleet of 10,000 entities (20 environments, 100 products of 30 releases each, every product depending on the one
 * before it) plans completely and in dependency order. How long it takes is measured elsewhere, not asserted here.
 */
class PlannerScaleTest {
  static final int ENVIRONMENTS = 20;
  static final int PRODUCTS = 100;
  static final int PER_ENVIRONMENT = 500;

  static Fleet bigFleet() {
    Fleet fleet = Fleet.fleet();
    for (int p = 0; p < PRODUCTS; p++) {
      String product = product(p);
      for (int minor = 0; minor < 10; minor++) {
        String upstream = p == 0 ? null : product(p - 1);
        fleet.release(product, "1." + minor + ".0", r -> {
          if (upstream != null) {
            r.needs(upstream, "1.0.0", "1.x.x");
          }
        });
        fleet.release(product, "1." + minor + ".1-rc1");
        fleet.release(product, "1." + minor + ".1-rc1-3-gabcdef" + minor);
      }
    }
    for (int e = 0; e < ENVIRONMENTS; e++) {
      for (int i = 0; i < PER_ENVIRONMENT; i++) {
        String entity = "env" + e + "/svc-" + i;
        String product = product(i % PRODUCTS);
        if (i % 4 == 0) {
          fleet.pinned(entity, product, "1." + (i % 10) + ".0");
        } else {
          fleet.following(entity, product, i % 4 == 1 ? Channel.STABLE : i % 4 == 2 ? Channel.BETA : Channel.DEV);
        }
        if (i % 2 == 0) {
          fleet.runs(entity, "1." + (i % 7) + ".0");
        }
      }
    }
    return fleet;
  }

  @Test
  void plansTenThousandEntitiesInDependencyOrder() {
    Fleet fleet = bigFleet();
    PlanningInput input = fleet.input();

    PlanningResult result = new Planner((change, context) -> List.of()).plan(input);

    assertThat(result.decisions()).hasSize(ENVIRONMENTS * PER_ENVIRONMENT);
    assertThat(result.plans()).hasSizeGreaterThan(ENVIRONMENTS * PER_ENVIRONMENT / 2);
    assertThat(result.plans()).extracting(Plan::id).doesNotHaveDuplicates();
    assertDependenciesFirst(result, input);
  }

  /** Within each environment, no plan comes before a plan of a product its target release depends on. */
  private static void assertDependenciesFirst(PlanningResult result, PlanningInput input) {
    Map<String, Map<ProductId, Integer>> lastPosition = new HashMap<>();
    List<Plan> plans = result.plans();
    for (int i = 0; i < plans.size(); i++) {
      Plan plan = plans.get(i);
      lastPosition.computeIfAbsent(plan.entity().environment(), e -> new HashMap<>()).put(plan.product(), i);
    }
    for (int i = 0; i < plans.size(); i++) {
      Plan plan = plans.get(i);
      Release target = input.desired().release(plan.product(), plan.toVersion().orElseThrow()).orElseThrow();
      for (ProductDependency dependency : target.requiredDependencies()) {
        Integer upstream = lastPosition.get(plan.entity().environment()).get(dependency.product());
        if (upstream != null) {
          assertThat(upstream).as("%s waits for %s", plan.entity(), dependency.product()).isLessThan(i);
        }
      }
    }
    assertThat(plans).extracting(p -> p.entity().environment()).isSortedAccordingTo(String::compareTo);
    assertThat(result.decision(EntityId.parse("env0/svc-0"))).isPresent();
  }

  private static String product(int p) {
    return "com.example:p" + p;
  }
}
