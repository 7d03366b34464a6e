package io.apollo.core.load;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.Environment;
import io.apollo.core.config.Kind;
import io.apollo.core.config.Product;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the cross-document checks of every kind but entities yield ({@link CrossChecks#context}): the catalog an
 * entity's check reads (the unique products and environments, the releases by product, the broken documents a
 * reference may name) and the {@link CheckedRules}. A pure value of the non-entity documents of a repository, in
 * reading order.
 */
record CheckedContext(
    Map<ProductId, Loaded<Product>> products,
    Map<String, Loaded<Environment>> environments,
    TreeMap<ProductId, List<Release>> releases,
    BrokenDocuments broken,
    SortedMap<ProductId, Product> productValues,
    SortedMap<String, Environment> environmentValues,
    CheckedRules rules) {

  /** The desired state of these documents and of {@code entities}. */
  DesiredState state(SortedMap<EntityId, Entity> entities, Set<EntityId> invalid) {
    return new DesiredState(productValues, releases, environmentValues, entities, rules.constraints(),
        rules.policies(), rules.roles(), rules.plans(), invalid, rules.notifications(), rules.holds());
  }

  /** The same catalog with {@code other} rules. */
  CheckedContext withRules(CheckedRules other) {
    return new CheckedContext(products, environments, releases, broken, productValues, environmentValues, other);
  }

  /**
   * Whether an entity's check reads the same in both: the same product ids, environments, releases, and broken
   * products, environments and releases (a reference to one says where it is). When it does, no entity whose own
   * documents are unchanged need be checked again.
   */
  boolean sameForEntities(CheckedContext other) {
    return products.keySet().equals(other.products.keySet())
        && environmentValues.equals(other.environmentValues)
        && releases.equals(other.releases)
        && broken.named(Kind.PRODUCT).equals(other.broken.named(Kind.PRODUCT))
        && broken.named(Kind.ENVIRONMENT).equals(other.broken.named(Kind.ENVIRONMENT))
        && broken.named(Kind.RELEASE).equals(other.broken.named(Kind.RELEASE));
  }

  /**
   * The products an entity's check may read otherwise in {@code other}: those only one of the two defines, and those
   * whose releases differ. (What an entity that failed to resolve reads is wider, the known names and broken
   * documents: such entities are checked again whenever this changed at all.)
   */
  Set<ProductId> productsChanged(CheckedContext other) {
    Set<ProductId> changed = new java.util.HashSet<>();
    products.keySet().stream().filter(p -> !other.products.containsKey(p)).forEach(changed::add);
    other.products.keySet().stream().filter(p -> !products.containsKey(p)).forEach(changed::add);
    releases.forEach((p, list) -> {
      if (!list.equals(other.releases.get(p))) {
        changed.add(p);
      }
    });
    other.releases.keySet().stream().filter(p -> !releases.containsKey(p)).forEach(changed::add);
    return changed;
  }

  /** The environments defined in only one of the two, or differently. */
  Set<String> environmentsChanged(CheckedContext other) {
    Set<String> changed = new java.util.HashSet<>();
    environmentValues.forEach((name, e) -> {
      if (!e.equals(other.environmentValues.get(name))) {
        changed.add(name);
      }
    });
    other.environmentValues.keySet().stream().filter(n -> !environmentValues.containsKey(n)).forEach(changed::add);
    return changed;
  }

  CheckedContext {
    Objects.requireNonNull(broken, "broken");
  }
}
