package io.apollo.core.constraint;

import io.apollo.core.config.ConfigDigest;
import io.apollo.core.config.Constraint;
import io.apollo.core.config.ConstraintRule;
import io.apollo.core.config.Criticality;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.Manifest;
import io.apollo.core.config.Metadata;
import io.apollo.core.config.Origin;
import io.apollo.core.config.Presence;
import io.apollo.core.config.Product;
import io.apollo.core.config.ProductDependency;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.ProductType;
import io.apollo.core.config.Release;
import io.apollo.core.config.Selector;
import io.apollo.core.report.EntityState;
import io.apollo.core.config.PlanType;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.Health;
import io.apollo.core.report.ReportedState;
import io.apollo.core.version.Version;
import io.apollo.core.version.VersionMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Records for constraint tests, built directly: the loader is not under test here. */
final class Fixtures {
  static final Origin ORIGIN = Origin.of("test.yaml");
  static final Instant REPORTED_AT = Instant.parse("2026-06-01T00:00:00Z");

  private Fixtures() {}

  static Product product(String id) {
    return new Product(
        Metadata.named(id), ProductId.parse(id), null, Criticality.MEDIUM, ProductType.SLS_SERVICE, ORIGIN);
  }

  static ProductDependency needs(String product, String minimum, String maximum) {
    return new ProductDependency(
        ProductId.parse(product), Version.parse(minimum), VersionMatcher.parse(maximum), Optional.empty(), false);
  }

  static ProductDependency mayUse(String product, String minimum, String maximum) {
    return new ProductDependency(
        ProductId.parse(product), Version.parse(minimum), VersionMatcher.parse(maximum), Optional.empty(), true);
  }

  static Release release(String product, String version, ProductDependency... dependencies) {
    ProductId id = ProductId.parse(product);
    Manifest manifest = new Manifest(
        "service.v1", id.group(), id.artifact(), version, Arrays.asList(dependencies));
    return new Release(
        Metadata.named(id.artifact() + "-" + version), id, Version.parse(version), Set.of(), Optional.empty(),
        Optional.empty(), manifest, ORIGIN);
  }

  /** An entity {@code environment/name} pinned to {@code version}. */
  static Entity entity(String id, String product, String version) {
    return entity(id, product, version, Map.of());
  }

  static Entity entity(String id, String product, String version, Map<String, String> labels) {
    EntityId entityId = EntityId.parse(id);
    return new Entity(
        new Metadata(entityId.name(), labels), entityId, ProductId.parse(product), "spoke-1",
        Optional.of(Version.parse(version)), Optional.empty(), Map.of(), ConfigDigest.of(Map.of()),
        Presence.PRESENT, ORIGIN);
  }

  static EntityReport report(String id, String product, String version, EntityState state, Health health) {
    return new EntityReport(
        EntityId.parse(id), ProductId.parse(product), Optional.ofNullable(version).map(Version::parse), state, health,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", REPORTED_AT);
  }

  static EntityReport running(String id, String product, String version) {
    return report(id, product, version, EntityState.RUNNING, Health.HEALTHY);
  }

  static Constraint constraint(String name, Selector selector, ConstraintRule rule) {
    return new Constraint(Metadata.named(name), selector, rule, ORIGIN);
  }

  static Constraint constraint(String name, ConstraintRule rule) {
    return constraint(name, Selector.everything(), rule);
  }

  static DesiredState desired(
      List<Release> releases, List<Entity> entities, List<Constraint> constraints) {
    TreeMap<ProductId, Product> products = new TreeMap<>();
    releases.forEach(r -> products.put(r.product(), product(r.product().toString())));
    entities.forEach(e -> products.put(e.product(), product(e.product().toString())));
    TreeMap<ProductId, List<Release>> byProduct = new TreeMap<>();
    releases.stream()
        .collect(Collectors.groupingBy(Release::product))
        .forEach((p, rs) -> byProduct.put(p, rs.stream().sorted(Release.NEWEST_FIRST).toList()));
    TreeMap<EntityId, Entity> byId = new TreeMap<>();
    entities.forEach(e -> byId.put(e.id(), e));
    return new DesiredState(
        products, byProduct, new TreeMap<>(), byId, constraints, List.of(), new TreeMap<>(), List.of(), Set.of());
  }

  static ReportedState reported(EntityReport... reports) {
    Map<EntityId, EntityReport> byId = new TreeMap<>();
    for (EntityReport r : reports) {
      byId.put(r.entity(), r);
    }
    return new ReportedState(byId);
  }

  /** A change of {@code entity} from {@code from} (null: nothing runs) to {@code target} (null: uninstall). */
  static ProposedChange change(Entity entity, PlanType type, String from, Release target) {
    return new ProposedChange(
        entity, product(entity.product().toString()), type, Optional.ofNullable(from).map(Version::parse),
        Optional.ofNullable(target).map(Release::version), Optional.ofNullable(target));
  }

  static List<String> names(List<Verdict> verdicts) {
    List<String> names = new ArrayList<>();
    verdicts.forEach(v -> names.add(v.constraint()));
    return names;
  }
}
