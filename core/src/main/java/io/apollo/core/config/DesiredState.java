package io.apollo.core.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one commit of the config repository asks for: the documents that loaded cleanly, keyed by identity.
 * {@code releases} lists each product's releases newest first. {@code invalidEntities} names the entities whose
 * definition (or something it refers to) is broken: the planner leaves them alone, never uninstalls them.
 * {@code notifications} are the {@code Notification} documents, by name.
 * {@code holds} are the {@link ReleaseHold}s in force.
 */
public record DesiredState(
    SortedMap<ProductId, Product> products,
    SortedMap<ProductId, List<Release>> releases,
    SortedMap<String, Environment> environments,
    SortedMap<EntityId, Entity> entities,
    List<Constraint> constraints,
    List<ApprovalPolicy> approvalPolicies,
    SortedMap<String, Role> roles,
    List<PlanDocument> plans,
    Set<EntityId> invalidEntities,
    List<Notification> notifications,
    List<ReleaseHold> holds) {

  public DesiredState {
    products = unmodifiable(products);
    releases = unmodifiable(releases);
    environments = unmodifiable(environments);
    entities = unmodifiable(entities);
    constraints = List.copyOf(constraints);
    approvalPolicies = List.copyOf(approvalPolicies);
    roles = unmodifiable(roles);
    plans = List.copyOf(plans);
    invalidEntities = Set.copyOf(invalidEntities);
    notifications = List.copyOf(notifications);
    holds = List.copyOf(holds);
  }

  /** A desired state without notifications or release holds. */
  public DesiredState(SortedMap<ProductId, Product> products, SortedMap<ProductId, List<Release>> releases,
      SortedMap<String, Environment> environments, SortedMap<EntityId, Entity> entities,
      List<Constraint> constraints, List<ApprovalPolicy> approvalPolicies, SortedMap<String, Role> roles,
      List<PlanDocument> plans, Set<EntityId> invalidEntities) {
    this(products, releases, environments, entities, constraints, approvalPolicies, roles, plans, invalidEntities,
        List.of(), List.of());
  }

  /**
   * The same desired state with other approval policies and roles, every other part kept (the hub's view of a
   * commit under the last accepted policies, or with the roles that approvals were judged by).
   */
  public DesiredState withApprovalRules(List<ApprovalPolicy> policies, SortedMap<String, Role> roleMap) {
    return new DesiredState(products, releases, environments, entities, constraints, policies, roleMap, plans,
        invalidEntities, notifications, holds);
  }

  /** The hold that keeps {@code version} of {@code product} from {@code environment}, if one does. */
  public Optional<ReleaseHold> hold(ProductId product, io.apollo.core.version.Version version, String environment) {
    for (ReleaseHold h : holds) {
      if (h.holds(product, version, environment)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }

  public static DesiredState empty() {
    return new DesiredState(
        new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), List.of(), List.of(), new TreeMap<>(),
        List.of(), Set.of());
  }

  public Optional<Product> product(ProductId id) {
    return Optional.ofNullable(products.get(id));
  }

  /** The product's releases, newest first; empty when it has none. */
  public List<Release> releasesOf(ProductId id) {
    return releases.getOrDefault(id, List.of());
  }

  public Optional<Release> release(ProductId id, io.apollo.core.version.Version version) {
    return releasesOf(id).stream().filter(r -> r.version().compareTo(version) == 0).findFirst();
  }

  public Optional<Entity> entity(EntityId id) {
    return Optional.ofNullable(entities.get(id));
  }

  /** The entities of one environment, in id order. */
  public List<Entity> entitiesIn(String environment) {
    return entities.values().stream().filter(e -> e.environment().equals(environment)).toList();
  }


  private static <K, V> SortedMap<K, V> unmodifiable(Map<K, V> map) {
    return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }
}
