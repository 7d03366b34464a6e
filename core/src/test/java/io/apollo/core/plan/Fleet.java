package io.apollo.core.plan;

import io.apollo.core.config.PlanType;
import io.apollo.core.config.ApprovalPolicy;
import io.apollo.core.config.ApprovalRule;
import io.apollo.core.config.ConfigDigest;
import io.apollo.core.config.Criticality;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.Environment;
import io.apollo.core.config.Manifest;
import io.apollo.core.config.Member;
import io.apollo.core.config.Metadata;
import io.apollo.core.config.Origin;
import io.apollo.core.config.Presence;
import io.apollo.core.config.Product;
import io.apollo.core.config.ProductDependency;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.ProductType;
import io.apollo.core.config.Recall;
import io.apollo.core.config.Release;
import io.apollo.core.config.Role;
import io.apollo.core.config.SpokeRef;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.Health;
import io.apollo.core.report.PlanOutcome;
import io.apollo.core.report.ReportedState;
import io.apollo.core.version.Channel;
import io.apollo.core.version.Version;
import io.apollo.core.version.VersionMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds desired and reported state for tests without YAML: products, releases, entities and spoke reports in a few
 * readable lines. Entities get the spoke {@code spoke-<environment>}; products are created on first mention.
 */
public final class Fleet {
  public static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  private final Map<ProductId, Product> products = new TreeMap<>();
  private final Map<ProductId, List<Release>> releases = new TreeMap<>();
  private final Map<EntityId, EntitySpec> entities = new LinkedHashMap<>();
  private final Map<EntityId, ReportSpec> reports = new LinkedHashMap<>();
  private final List<ApprovalRule> rules = new ArrayList<>();
  private final Map<String, Role> roles = new TreeMap<>();
  private final Set<EntityId> invalid = new HashSet<>();

  public static Fleet fleet() {
    return new Fleet();
  }

  // ----- products and releases

  public Fleet product(String id, Criticality criticality) {
    ProductId pid = ProductId.parse(id);
    products.put(pid, new Product(Metadata.named(id), pid, null, criticality, ProductType.SLS_SERVICE, origin()));
    return this;
  }

  /** A release on its version's default channel. */
  public Fleet release(String product, String version) {
    return release(product, version, r -> {});
  }

  public Fleet release(String product, String version, Consumer<ReleaseSpec> spec) {
    ProductId pid = ProductId.parse(product);
    if (!products.containsKey(pid)) {
      product(product, Criticality.MEDIUM);
    }
    ReleaseSpec r = new ReleaseSpec();
    spec.accept(r);
    Release release =
        new Release(Metadata.named(product + "-" + version), pid, Version.parse(version), r.channels,
            Optional.ofNullable(r.recall).map(Recall::new), Optional.empty(),
            new Manifest("service", pid.group(), pid.artifact(), version, r.dependencies), origin());
    List<Release> list = releases.computeIfAbsent(pid, p -> new ArrayList<>());
    if (list.stream().anyMatch(other -> other.version().equals(release.version()))) {
      throw new IllegalStateException(product + " " + version + " is already defined");
    }
    list.add(release);
    list.sort(Release.NEWEST_FIRST);
    return this;
  }

  /** Options of one release. */
  public static final class ReleaseSpec {
    private final Set<Channel> channels = EnumSet.noneOf(Channel.class);
    private final List<ProductDependency> dependencies = new ArrayList<>();
    private String recall;

    public ReleaseSpec channels(Channel... on) {
      channels.addAll(Arrays.asList(on));
      return this;
    }

    public ReleaseSpec recalled(String reason) {
      recall = reason;
      return this;
    }

    public ReleaseSpec needs(String product, String minimum, String maximum) {
      dependencies.add(dependency(product, minimum, maximum, false));
      return this;
    }

    public ReleaseSpec mayUse(String product, String minimum, String maximum) {
      dependencies.add(dependency(product, minimum, maximum, true));
      return this;
    }

    private static ProductDependency dependency(String product, String min, String max, boolean optional) {
      return new ProductDependency(ProductId.parse(product), Version.parse(min), VersionMatcher.parse(max),
          Optional.empty(), optional);
    }
  }

  // ----- entities

  public Fleet pinned(String entity, String product, String version) {
    return entity(entity, product, Optional.of(Version.parse(version)), Optional.empty());
  }

  public Fleet following(String entity, String product, Channel channel) {
    return entity(entity, product, Optional.empty(), Optional.of(channel));
  }

  public Fleet config(String entity, Map<String, Object> config) {
    spec(entity).config = config;
    return this;
  }

  public Fleet absent(String entity) {
    spec(entity).presence = Presence.ABSENT;
    return this;
  }

  /** Marks an entity's definition invalid (it may or may not also be defined). */
  public Fleet invalid(String entity) {
    invalid.add(EntityId.parse(entity));
    return this;
  }

  private Fleet entity(String entity, String product, Optional<Version> version, Optional<Channel> channel) {
    EntitySpec spec = new EntitySpec();
    spec.product = ProductId.parse(product);
    spec.version = version;
    spec.channel = channel;
    entities.put(EntityId.parse(entity), spec);
    return this;
  }

  private EntitySpec spec(String entity) {
    EntitySpec spec = entities.get(EntityId.parse(entity));
    if (spec == null) {
      throw new IllegalStateException("define " + entity + " first");
    }
    return spec;
  }

  private static final class EntitySpec {
    ProductId product;
    Optional<Version> version;
    Optional<Channel> channel;
    Map<String, Object> config = Map.of();
    Presence presence = Presence.PRESENT;
  }

  // ----- approvals

  public Fleet approvalRule(Set<String> environments, Set<PlanType> types,
      Set<Criticality> criticality, String... roles) {
    rules.add(new ApprovalRule(environments, types, criticality, Set.of(roles)));
    return this;
  }

  public Fleet role(String name, String... emails) {
    roles.put(name, new Role(Metadata.named(name), Arrays.stream(emails).map(e -> new Member(e, List.of())).toList(),
        origin()));
    return this;
  }

  // ----- reports

  /** The entity runs {@code version}, RUNNING and HEALTHY, with its desired config. */
  public Fleet runs(String entity, String version) {
    return report(entity, r -> r.version(version));
  }

  /** A spoke reports an entity; {@code spec} adjusts the RUNNING, HEALTHY, desired-config default. */
  public Fleet report(String entity, Consumer<ReportSpec> spec) {
    ReportSpec r = reports.computeIfAbsent(EntityId.parse(entity), id -> new ReportSpec());
    spec.accept(r);
    return this;
  }

  /** What a spoke says of one entity; unset fields take the defaults of a healthy, in-sync entity. */
  public static final class ReportSpec {
    private ProductId product;
    private Optional<Version> version = Optional.empty();
    private EntityState state = EntityState.RUNNING;
    private Health health = Health.HEALTHY;
    private Optional<String> digest; // null: the desired config's digest
    private Optional<String> lastPlanId = Optional.empty();
    private Optional<PlanOutcome> outcome = Optional.empty();
    private Optional<Version> lastHealthy = Optional.empty();

    public ReportSpec version(String v) {
      version = Optional.of(Version.parse(v));
      return this;
    }

    public ReportSpec nothingInstalled() {
      version = Optional.empty();
      return this;
    }

    public ReportSpec product(String id) {
      product = ProductId.parse(id);
      return this;
    }

    public ReportSpec state(EntityState s) {
      state = s;
      return this;
    }

    public ReportSpec health(Health h) {
      health = h;
      return this;
    }

    public ReportSpec configDigest(String d) {
      digest = Optional.of(d);
      return this;
    }

    public ReportSpec noConfigDigest() {
      digest = Optional.empty();
      return this;
    }

    public ReportSpec lastPlan(String id, PlanOutcome o) {
      lastPlanId = Optional.of(id);
      outcome = Optional.of(o);
      return this;
    }

    public ReportSpec lastHealthy(String v) {
      lastHealthy = Optional.of(Version.parse(v));
      return this;
    }
  }

  // ----- building

  public DesiredState desired() {
    TreeMap<EntityId, Entity> built = new TreeMap<>();
    TreeMap<String, Environment> environments = new TreeMap<>();
    entities.forEach((id, spec) -> {
      built.put(id, entity(id, spec));
      environments.computeIfAbsent(id.environment(),
          env -> new Environment(Metadata.named(env), List.of(new SpokeRef(spoke(env), Optional.empty())), origin()));
    });
    List<ApprovalPolicy> policies =
        rules.isEmpty() ? List.of() : List.of(new ApprovalPolicy(Metadata.named("policy"), rules, origin()));
    return new DesiredState(new TreeMap<>(products), new TreeMap<>(releases), environments, built, List.of(),
        policies, new TreeMap<>(roles), List.of(), invalid);
  }

  public ReportedState reported() {
    Map<EntityId, EntityReport> built = new TreeMap<>();
    reports.forEach((id, r) -> {
      EntitySpec spec = entities.get(id);
      if (spec == null && r.product == null) {
        throw new IllegalStateException("a report of undefined " + id + " needs its product");
      }
      ProductId product = r.product != null ? r.product : spec.product;
      Optional<String> digest =
          r.digest != null ? r.digest : Optional.of(ConfigDigest.of(spec == null ? Map.of() : spec.config));
      built.put(id, new EntityReport(id, product, r.version, r.state, r.health, digest, r.lastPlanId, r.outcome,
          r.lastHealthy, "", NOW.minusSeconds(30)));
    });
    return new ReportedState(built);
  }

  public PlanningInput input() {
    return PlanningInput.of(desired(), reported(), NOW);
  }

  public Entity entity(String id) {
    EntityId eid = EntityId.parse(id);
    return entity(eid, spec(id));
  }

  private static Entity entity(EntityId id, EntitySpec spec) {
    return new Entity(Metadata.named(id.name()), id, spec.product, spoke(id.environment()), spec.version,
        spec.channel, spec.config, ConfigDigest.of(spec.config), spec.presence, origin());
  }

  public static String spoke(String environment) {
    return "spoke-" + environment;
  }

  private static Origin origin() {
    return Origin.of("test.yaml");
  }
}
