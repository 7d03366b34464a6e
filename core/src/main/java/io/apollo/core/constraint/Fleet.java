package io.apollo.core.constraint;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductDependency;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.ReportedState;
import io.apollo.core.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The entities of every environment indexed the two ways the dependency constraint asks: "which entities of product
 * P run in environment E" and "which installed entities of E declare a dependency on P". Built once per desired and
 * reported state, so judging each of 10,000 changes is a couple of map look-ups, not a scan of the fleet; and
 * {@link #update updated} from the last one for the entities that changed since, so that a pass after one new
 * report or one changed file does not index the fleet again (issue 18).
 *
 * <p>An entity counts when the desired state defines it or a spoke reports it: an entity whose definition is broken
 * (or was deleted) is left running by the planner, so it still meets, and still needs, its dependencies.
 * Immutable once built.
 */
final class Fleet {
  /** An entity of a product in an environment, with what its spoke last said (empty: never reported). */
  record Member(EntityId id, ProductId product, Optional<EntityReport> report) {}

  /** An installed entity whose running release needs another product in [minimum, maximum]. */
  record Dependent(EntityId id, ProductId product, Version version, ProductDependency need) {}

  private record Key(String environment, ProductId product) {}

  private final DesiredState desired;
  private final ReportedState reported;
  private final LayeredMap<Key, List<Member>> members;
  private final LayeredMap<Key, List<Dependent>> dependents;

  private Fleet(DesiredState desired, ReportedState reported, LayeredMap<Key, List<Member>> members,
      LayeredMap<Key, List<Dependent>> dependents) {
    this.desired = desired;
    this.reported = reported;
    this.members = members;
    this.dependents = dependents;
  }

  static Fleet index(DesiredState desired, ReportedState reported) {
    // Entity id order, so that messages list entities the same way on every run.
    Map<EntityId, ProductId> products = new TreeMap<>();
    reported.entities().values().forEach(r -> products.put(r.entity(), r.product()));
    desired.entities().values().forEach(e -> products.put(e.id(), e.product()));

    Map<Key, List<Member>> members = new HashMap<>();
    Map<Key, List<Dependent>> dependents = new HashMap<>();
    Fleet fleet = new Fleet(desired, reported, LayeredMap.of(members), LayeredMap.of(dependents));
    Map<ProductId, Map<Version, Optional<Release>>> releases = new HashMap<>();
    products.forEach((id, product) -> {
      members.computeIfAbsent(new Key(id.environment(), product), k -> new ArrayList<>())
          .add(fleet.member(id, product));
      for (Dependent d : fleet.needs(id, product, p -> v -> releases.computeIfAbsent(p, x -> new HashMap<>())
          .computeIfAbsent(v, w -> desired.release(p, w)))) {
        dependents.computeIfAbsent(new Key(id.environment(), d.need().product()), k -> new ArrayList<>()).add(d);
      }
    });
    return fleet;
  }

  /**
   * The index of {@code nextDesired} and {@code nextReported}, from this one: {@code changed} must hold every entity
   * whose definition or report differs between the two pairs of states, and both desired states must have the same
   * releases (a dependent's needs are read from them). Gives what {@link #index} gives; this index is left as it
   * was.
   */
  Fleet update(DesiredState nextDesired, ReportedState nextReported, Set<EntityId> changed) {
    // Reads the next states only (a new member's report, a new dependent's needs), not its maps.
    Fleet next = new Fleet(nextDesired, nextReported, members, dependents);
    Set<Key> memberKeys = new HashSet<>();
    Set<Key> dependentKeys = new HashSet<>();
    List<Member> addedMembers = new ArrayList<>();
    List<Dependent> addedDependents = new ArrayList<>();
    for (EntityId id : changed) {
      productOf(id).ifPresent(p -> {
        memberKeys.add(new Key(id.environment(), p));
        needs(id, p, q -> v -> desired.release(q, v))
            .forEach(d -> dependentKeys.add(new Key(id.environment(), d.need().product())));
      });
      next.productOf(id).ifPresent(p -> {
        Member m = next.member(id, p);
        memberKeys.add(new Key(id.environment(), p));
        addedMembers.add(m);
        for (Dependent d : next.needs(id, p, q -> v -> nextDesired.release(q, v))) {
          dependentKeys.add(new Key(id.environment(), d.need().product()));
          addedDependents.add(d);
        }
      });
    }
    Map<Key, List<Member>> memberEdits = new HashMap<>();
    for (Key key : memberKeys) {
      List<Member> list = new ArrayList<>(membersOf(key.environment(), key.product()));
      list.removeIf(m -> changed.contains(m.id()));
      addedMembers.stream().filter(m -> key.equals(new Key(m.id().environment(), m.product()))).forEach(list::add);
      list.sort(Comparator.comparing(Member::id));
      memberEdits.put(key, list.isEmpty() ? null : list);
    }
    Map<Key, List<Dependent>> dependentEdits = new HashMap<>();
    for (Key key : dependentKeys) {
      List<Dependent> list = new ArrayList<>(dependentsOf(key.environment(), key.product()));
      list.removeIf(d -> changed.contains(d.id()));
      addedDependents.stream().filter(d -> key.equals(new Key(d.id().environment(), d.need().product())))
          .forEach(list::add);
      // Stable: one entity's needs keep the order of its release's dependencies, as in a full index.
      list.sort(Comparator.comparing(Dependent::id));
      dependentEdits.put(key, list.isEmpty() ? null : list);
    }
    return new Fleet(nextDesired, nextReported, members.with(memberEdits), dependents.with(dependentEdits));
  }

  /** Every entity of {@code product} in {@code environment}, defined or reported, in id order. */
  List<Member> membersOf(String environment, ProductId product) {
    return members.getOrDefault(new Key(environment, product), List.of());
  }

  /** Every installed entity of {@code environment} whose running release needs {@code product}, in id order. */
  List<Dependent> dependentsOf(String environment, ProductId product) {
    return dependents.getOrDefault(new Key(environment, product), List.of());
  }

  /** Both indexes, keyed by environment and product in words: for tests that compare an update with an index. */
  Map<String, List<?>> contents() {
    Map<String, List<?>> all = new TreeMap<>();
    members.forEach((k, v) -> all.put("members " + k, v));
    dependents.forEach((k, v) -> all.put("dependents " + k, v));
    return all;
  }

  /** The product {@code id} counts under: its definition's, else its report's; empty when neither names it. */
  private Optional<ProductId> productOf(EntityId id) {
    return desired.entity(id).map(Entity::product).or(() -> reported.get(id).map(EntityReport::product));
  }

  private Member member(EntityId id, ProductId product) {
    return new Member(id, product, reported.get(id));
  }

  /** What {@code id}, counted under {@code product}, needs through the release it runs; none when not installed. */
  private List<Dependent> needs(EntityId id, ProductId product,
      java.util.function.Function<ProductId, java.util.function.Function<Version, Optional<Release>>> releases) {
    Optional<Version> running = reported.get(id).flatMap(EntityReport::version);
    if (running.isEmpty()) {
      return List.of();
    }
    Optional<Release> release = releases.apply(product).apply(running.get());
    List<Dependent> out = new ArrayList<>();
    for (ProductDependency need : release.map(Release::requiredDependencies).orElse(List.of())) {
      out.add(new Dependent(id, product, running.get(), need));
    }
    return out;
  }
}
