package io.apollo.core.plan;

import io.apollo.core.config.ProductId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Orders plans for execution: by environment; within an environment, every plan for a product comes before the
 * plans whose target release depends on that product, and otherwise by entity id (a stable topological sort).
 * Dependency cycles do not loop: when nothing is free to go, the remaining plan with the smallest entity id goes next.
 * Linear in plans plus dependency declarations: dependents wait on a product, not on each of its plans.
 */
final class DependencyOrder {
  private DependencyOrder() {}

  /** @param dependsOn the products a plan's target release depends on (empty for an uninstall) */
  static List<Plan> sort(Collection<Plan> plans, Function<Plan, Collection<ProductId>> dependsOn) {
    Map<String, List<Plan>> byEnvironment = new TreeMap<>();
    for (Plan plan : plans) {
      byEnvironment.computeIfAbsent(plan.entity().environment(), e -> new ArrayList<>()).add(plan);
    }
    List<Plan> ordered = new ArrayList<>(plans.size());
    for (List<Plan> environment : byEnvironment.values()) {
      environment.sort(Comparator.comparing(Plan::entity));
      ordered.addAll(sortEnvironment(environment, dependsOn));
    }
    return ordered;
  }

  /**
   * What {@link #sort} gives for {@code plans} (in entity id order), given {@code previous}, the order {@link #sort}
   * gave for plans that differ from {@code plans} only in the {@code changed} environments, with the same
   * dependencies: the other environments keep their stretch of {@code previous} as it was, and only the changed
   * ones are sorted again (issue 18: one changed plan does not sort the fleet's).
   */
  static List<Plan> resort(List<Plan> previous, List<Plan> plans, Set<String> changed,
      Function<Plan, Collection<ProductId>> dependsOn) {
    Map<String, List<Plan>> byEnvironment = new TreeMap<>();
    for (Plan plan : previous) {
      if (!changed.contains(plan.entity().environment())) {
        byEnvironment.computeIfAbsent(plan.entity().environment(), e -> new ArrayList<>()).add(plan);
      }
    }
    Map<String, List<Plan>> again = new TreeMap<>();
    for (Plan plan : plans) {
      if (changed.contains(plan.entity().environment())) {
        again.computeIfAbsent(plan.entity().environment(), e -> new ArrayList<>()).add(plan);
      }
    }
    again.forEach((environment, list) -> byEnvironment.put(environment, sortEnvironment(list, dependsOn)));
    List<Plan> ordered = new ArrayList<>(plans.size());
    byEnvironment.values().forEach(ordered::addAll);
    return ordered;
  }

  /** Kahn's algorithm over plans (by index, so the queue yields entity id order) and the products they wait on. */
  private static List<Plan> sortEnvironment(List<Plan> plans, Function<Plan, Collection<ProductId>> dependsOn) {
    int n = plans.size();
    Map<ProductId, Integer> plansLeft = new HashMap<>();
    for (Plan plan : plans) {
      plansLeft.merge(plan.product(), 1, Integer::sum);
    }
    Map<ProductId, List<Integer>> waitingOn = new HashMap<>();
    int[] waits = new int[n];
    PriorityQueue<Integer> free = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      Plan plan = plans.get(i);
      Set<ProductId> upstream = new HashSet<>(dependsOn.apply(plan));
      upstream.remove(plan.product());
      upstream.retainAll(plansLeft.keySet());
      waits[i] = upstream.size();
      for (ProductId product : upstream) {
        waitingOn.computeIfAbsent(product, p -> new ArrayList<>()).add(i);
      }
      if (waits[i] == 0) {
        free.add(i);
      }
    }
    List<Plan> ordered = new ArrayList<>(n);
    boolean[] done = new boolean[n];
    int cycleCursor = 0;
    while (ordered.size() < n) {
      Integer next = free.poll();
      if (next == null) {
        // A cycle: nothing is free. Break it in id order.
        while (done[cycleCursor]) {
          cycleCursor++;
        }
        next = cycleCursor;
      }
      if (done[next]) {
        continue;
      }
      done[next] = true;
      Plan plan = plans.get(next);
      ordered.add(plan);
      if (plansLeft.merge(plan.product(), -1, Integer::sum) == 0) {
        for (int dependent : waitingOn.getOrDefault(plan.product(), List.of())) {
          if (--waits[dependent] == 0 && !done[dependent]) {
            free.add(dependent);
          }
        }
      }
    }
    return ordered;
  }
}
