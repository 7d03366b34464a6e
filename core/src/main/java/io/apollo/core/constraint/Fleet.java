package io.apollo.core.constraint;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductDependency;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.ReportedState;
import io.apollo.core.version.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The entities of every environment indexed the two ways the dependency constraint asks: "which entities of product
 * P run in environment E" and "which installed entities of E declare a dependency on P". Built once per desired and
 * reported state, so judging each of 10,000 changes is a couple of map look-ups, not a scan of the fleet.
 *
 * <p>An entity counts when the desired state defines it or a spoke reports it: an entity whose definition is broken
 * (or was deleted) is left running by the planner, so it still meets, and still needs, its dependencies.
 */
final class Fleet {
  /** An entity of a product in an environment, with what its spoke last said (empty: never reported). */
  record Member(EntityId id, ProductId product, Optional<EntityReport> report) {}

  /** An installed entity whose running release needs another product in [minimum, maximum]. */
  record Dependent(EntityId id, ProductId product, Version version, ProductDependency need) {}

  private record Key(String environment, ProductId product) {}

  private final Map<Key, List<Member>> members = new HashMap<>();
  private final Map<Key, List<Dependent>> dependents = new HashMap<>();

  private Fleet() {}

  static Fleet index(DesiredState desired, ReportedState reported) {
    // Entity id order, so that messages list entities the same way on every run.
    Map<EntityId, ProductId> products = new TreeMap<>();
    reported.entities().values().forEach(r -> products.put(r.entity(), r.product()));
    desired.entities().values().forEach(e -> products.put(e.id(), e.product()));

    Fleet fleet = new Fleet();
    Map<ProductId, Map<Version, Optional<Release>>> releases = new HashMap<>();
    products.forEach(
        (id, product) -> {
          Optional<EntityReport> report = reported.get(id);
          fleet.members
              .computeIfAbsent(new Key(id.environment(), product), k -> new ArrayList<>())
              .add(new Member(id, product, report));
          Optional<Version> running = report.flatMap(EntityReport::version);
          if (running.isEmpty()) {
            return;
          }
          Optional<Release> release =
              releases
                  .computeIfAbsent(product, p -> new HashMap<>())
                  .computeIfAbsent(running.get(), v -> desired.release(product, v));
          for (ProductDependency need : release.map(Release::requiredDependencies).orElse(List.of())) {
            fleet.dependents
                .computeIfAbsent(new Key(id.environment(), need.product()), k -> new ArrayList<>())
                .add(new Dependent(id, product, running.get(), need));
          }
        });
    return fleet;
  }

  /** Every entity of {@code product} in {@code environment}, defined or reported, in id order. */
  List<Member> membersOf(String environment, ProductId product) {
    return members.getOrDefault(new Key(environment, product), List.of());
  }

  /** Every installed entity of {@code environment} whose running release needs {@code product}, in id order. */
  List<Dependent> dependentsOf(String environment, ProductId product) {
    return dependents.getOrDefault(new Key(environment, product), List.of());
  }
}
