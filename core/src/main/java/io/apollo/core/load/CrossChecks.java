package io.apollo.core.load;

import io.apollo.core.Spelling;
import io.apollo.core.config.ApprovalPolicy;
import io.apollo.core.config.ConfigDigest;
import io.apollo.core.config.Constraint;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.Environment;
import io.apollo.core.config.Kind;
import io.apollo.core.config.Origin;
import io.apollo.core.config.PlanDocument;
import io.apollo.core.config.Product;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.config.Role;
import io.apollo.core.config.SpokeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Checks what no single document can: identities are unique, references resolve, and then assembles the
 * {@link DesiredState}. When in doubt it is restrictive: duplicated products, releases, environments, entities and
 * roles are dropped (so what refers to them is left alone), while duplicated constraints and policies are all kept
 * (so a typo can never lift a freeze or an approval rule).
 */
final class CrossChecks {
  /**
   * Every field these checks point at in a document other than an approval policy (whose required roles they read
   * whole); the loader keeps only these positions of such documents. A new check that points elsewhere adds here.
   */
  static final List<String> POINTED_AT =
      List.of("/metadata/name", "/spec/product", "/spec/environment", "/spec/version", "/spec/spoke");

  private static final String DROPPED = "every copy is ignored until one is removed";
  private static final String KEPT = "every copy is enforced until one is removed";
  private final List<Problem> problems;
  private final BrokenDocuments broken;

  CrossChecks(List<Problem> problems, BrokenDocuments broken) {
    this.problems = problems;
    this.broken = broken;
  }

  /** The whole check, as a full load runs it: {@link #context}, then every entity identity in reading order. */
  DesiredState assemble(MappedDocuments docs) {
    CheckedContext context = context(docs);
    Set<EntityId> brokenIds = broken.entityIds();
    Set<EntityId> invalid = new HashSet<>(brokenIds);
    TreeMap<EntityId, Entity> entities = new TreeMap<>();
    for (List<Loaded<EntityDraft>> same : byIdentity(docs.entities).values()) {
      EntityCheck check = entity(same, context, brokenIds::contains);
      problems.addAll(check.problems());
      check.entity().ifPresent(e -> entities.put(e.id(), e));
      check.invalid().ifPresent(invalid::add);
    }
    return context.state(entities, invalid);
  }

  /** Entity documents grouped by identity ({@code environment/name}), each group and the groups in reading order. */
  static Map<String, List<Loaded<EntityDraft>>> byIdentity(List<Loaded<EntityDraft>> entities) {
    return entities.stream()
        .collect(Collectors.groupingBy(e -> key(e.value()), LinkedHashMap::new, Collectors.toList()));
  }

  /** The identity entity documents are grouped by. */
  static String key(EntityDraft draft) {
    return draft.id().toString();
  }

  /**
   * Every check but the entities': {@link #catalog} and {@link #rules}. Its problems go to this checker's list. An
   * entity's check reads nothing of the documents but what the result holds.
   */
  CheckedContext context(MappedDocuments docs) {
    return catalog(docs).withRules(rules(docs));
  }

  /**
   * What entities are checked against: products and environments unique, releases of known products. Duplicated
   * releases are added to this checker's broken documents (so an entity that names one says so). Reads only the
   * products, releases and environments of {@code docs}, and of the broken documents those kinds.
   */
  CheckedContext catalog(MappedDocuments docs) {
    Map<ProductId, Loaded<Product>> products = unique(docs.products, Product::id, "product");
    Map<String, Loaded<Environment>> environments = unique(docs.environments, Environment::name, "environment");
    TreeMap<ProductId, List<Release>> releases = releases(docs.releases, products);
    return new CheckedContext(products, environments, releases, broken, values(products), values(environments),
        CheckedRules.NONE);
  }

  /**
   * The kinds nothing else refers to, except policies to roles: roles, plans and notifications unique, constraints,
   * policies and holds each enforced however often defined, the roles policies require defined. Reads only those
   * kinds of {@code docs}, and no broken document.
   */
  CheckedRules rules(MappedDocuments docs) {
    Map<String, Loaded<Role>> roles = unique(docs.roles, Role::name, "role");
    Map<String, Loaded<PlanDocument>> plans = unique(docs.plans, PlanDocument::id, "plan");
    uniqueButKept(docs.constraints, Constraint::name, "constraint");
    Map<String, Loaded<io.apollo.core.config.Notification>> notifications =
        unique(docs.notifications, io.apollo.core.config.Notification::name, "notification");
    uniqueButKept(docs.policies, p -> p.metadata().name(), "approval policy");
    // A hold keeps a bad release away, as a freeze keeps changes away: a second file of the same name must never
    // lift it, so every copy is enforced.
    uniqueButKept(docs.holds, h -> h.metadata().name(), "release hold");
    checkRequiredRoles(docs.policies, docs.roles);
    return new CheckedRules(values(roles), docs.constraints.stream().map(Loaded::value).toList(),
        docs.policies.stream().map(Loaded::value).toList(), plans.values().stream().map(Loaded::value).toList(),
        notifications.values().stream().map(Loaded::value).toList(),
        docs.holds.stream().map(Loaded::value).toList());
  }

  /**
   * The check of one entity identity: {@code same} are its documents in reading order, {@code brokenElsewhere} tells
   * whether a document that failed validation named it. Dropped when duplicated or named by a broken document,
   * else resolved against {@code context}. A pure function of its arguments, so an incremental load may keep it
   * while none of them changes.
   */
  static EntityCheck entity(List<Loaded<EntityDraft>> same, CheckedContext context,
      Predicate<EntityId> brokenElsewhere) {
    List<Problem> found = new ArrayList<>();
    CrossChecks checks = new CrossChecks(found, context.broken());
    EntityId id = same.get(0).value().id();
    if (same.size() > 1 || brokenElsewhere.test(id)) {
      checks.reportDuplicates(same, e -> e.id().toString(), "entity", DROPPED);
      return new EntityCheck(found, Optional.empty(), Optional.of(id));
    }
    Optional<Entity> entity = checks.resolve(same.get(0), context.products(), context.environments(),
        context.releases());
    return new EntityCheck(found, entity, entity.isPresent() ? Optional.empty() : Optional.of(id));
  }

  private TreeMap<ProductId, List<Release>> releases(
      List<Loaded<Release>> loaded, Map<ProductId, Loaded<Product>> products) {
    TreeMap<ProductId, List<Release>> releases = new TreeMap<>();
    for (List<Loaded<Release>> same : groupBySameVersion(loaded)) {
      if (same.size() > 1) {
        reportDuplicates(same, r -> r.product() + " " + r.version(), "release", DROPPED);
        same.forEach(r -> broken.add(Kind.RELEASE, r.value().product() + "@" + r.value().version(), r.source().origin()));
        continue;
      }
      Loaded<Release> release = same.get(0);
      ProductId product = release.value().product();
      if (!products.containsKey(product)) {
        problems.add(new Problem(release.source().at("/spec/product"), ProblemReason.UNRESOLVED_REFERENCE,
            "spec.product: " + missing(Kind.PRODUCT, product.toString(), products.keySet())));
        continue;
      }
      releases.computeIfAbsent(product, k -> new ArrayList<>()).add(release.value());
    }
    releases.values().forEach(list -> list.sort(Release.NEWEST_FIRST));
    releases.replaceAll((k, v) -> List.copyOf(v));
    return releases;
  }

  /** Releases of one product whose versions compare equal (snapshots differing only in hash count as the same). */
  private static List<List<Loaded<Release>>> groupBySameVersion(List<Loaded<Release>> loaded) {
    List<List<Loaded<Release>>> groups = new ArrayList<>();
    Map<ProductId, List<List<Loaded<Release>>>> byProduct = new LinkedHashMap<>();
    for (Loaded<Release> release : loaded) {
      List<List<Loaded<Release>>> ofProduct = byProduct.computeIfAbsent(release.value().product(), k -> new ArrayList<>());
      Optional<List<Loaded<Release>>> group = ofProduct.stream()
          .filter(g -> g.get(0).value().version().compareTo(release.value().version()) == 0).findFirst();
      if (group.isPresent()) {
        group.get().add(release);
      } else {
        List<Loaded<Release>> fresh = new ArrayList<>();
        fresh.add(release);
        ofProduct.add(fresh);
        groups.add(fresh);
      }
    }
    return groups;
  }

  private Optional<Entity> resolve(Loaded<EntityDraft> loaded, Map<ProductId, Loaded<Product>> products,
      Map<String, Loaded<Environment>> environments, Map<ProductId, List<Release>> releases) {
    EntityDraft draft = loaded.value();
    DocumentReader r = loaded.source();
    boolean ok = true;
    if (!products.containsKey(draft.product())) {
      problem(r, "/spec/product", ProblemReason.UNRESOLVED_REFERENCE,
          "spec.product: " + missing(Kind.PRODUCT, draft.product().toString(), products.keySet()));
      ok = false;
    }
    Loaded<Environment> environment = environments.get(draft.id().environment());
    Optional<String> spoke = Optional.empty();
    if (environment == null) {
      problem(r, "/spec/environment", ProblemReason.UNRESOLVED_REFERENCE,
          "spec.environment: " + missing(Kind.ENVIRONMENT, draft.id().environment(), environments.keySet()));
      ok = false;
    } else {
      spoke = spoke(r, draft, environment.value());
      ok &= spoke.isPresent();
    }
    if (draft.version().isPresent() && products.containsKey(draft.product())) {
      boolean known = releases.getOrDefault(draft.product(), List.of()).stream()
          .anyMatch(rel -> rel.version().compareTo(draft.version().get()) == 0);
      if (!known) {
        List<String> versions = releases.getOrDefault(draft.product(), List.of()).stream()
            .map(rel -> rel.version().toString()).toList();
        problem(r, "/spec/version", ProblemReason.UNRESOLVED_REFERENCE, "spec.version: " + missing(Kind.RELEASE,
            draft.product() + "@" + draft.version().get(), "no release " + draft.version().get() + " of "
                + draft.product() + (versions.isEmpty() ? " (it has no releases)" : " (releases: "
                + String.join(", ", versions.subList(0, Math.min(8, versions.size()))) + ")")));
        ok = false;
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(new Entity(draft.metadata(), draft.id(), draft.product(), spoke.get(), draft.version(),
        draft.channel(), draft.config(), ConfigDigest.of(draft.config()), draft.state(), r.origin(),
        draft.canary()));
  }

  private Optional<String> spoke(DocumentReader r, EntityDraft draft, Environment environment) {
    List<String> names = environment.spokes().stream().map(SpokeRef::name).toList();
    if (draft.spoke().isPresent()) {
      if (environment.spoke(draft.spoke().get()).isEmpty()) {
        problem(r, "/spec/spoke", ProblemReason.UNRESOLVED_REFERENCE, "spec.spoke: environment '"
            + environment.name() + "' has no spoke '" + draft.spoke().get() + "' (spokes: " + String.join(", ", names)
            + ")");
        return Optional.empty();
      }
      return draft.spoke();
    }
    if (names.size() == 1) {
      return Optional.of(names.get(0));
    }
    problem(r, "/spec/environment", ProblemReason.UNRESOLVED_REFERENCE, "spec.spoke is required: environment '"
        + environment.name() + "' has " + names.size() + " spokes (" + String.join(", ", names) + "); name one");
    return Optional.empty();
  }

  /**
   * Every role a policy requires must be defined by a Role document, else plans it matches could never be approved.
   * The policy is still enforced (dropping it would lower the bar); the load error says which name to fix. A role
   * whose Role documents are all dropped as duplicates counts as defined: its duplicate is reported already.
   */
  private void checkRequiredRoles(List<Loaded<ApprovalPolicy>> policies, List<Loaded<Role>> roles) {
    Set<String> defined = roles.stream().map(l -> l.value().name()).collect(Collectors.toSet());
    for (Loaded<ApprovalPolicy> policy : policies) {
      DocumentReader r = policy.source();
      for (int i = 0; i < policy.value().rules().size(); i++) {
        String base = "/spec/rules/" + i + "/requiredRoles";
        List<String> named = r.strings(base);
        for (int j = 0; j < named.size(); j++) {
          String role = named.get(j);
          if (!defined.contains(role)) {
            List<String> known = defined.stream().sorted().toList();
            String hint = Spelling.closest(role, known).map(c -> "; did you mean '" + c + "'?").orElse("");
            problem(r, base + "/" + j, ProblemReason.UNRESOLVED_REFERENCE, DocumentReader.dotted(base + "/" + j)
                + ": no role '" + role + "' (roles: " + (known.isEmpty() ? "none defined" : String.join(", ", known))
                + ")" + hint + "; define a Role of that name or fix the name, else plans this rule matches could"
                + " never be approved");
          }
        }
      }
    }
  }

  /** Cross-document problems go to the shared list: a reader's own list was already merged into it. */
  private void problem(DocumentReader r, String pointer, ProblemReason reason, String message) {
    problems.add(new Problem(r.at(pointer), reason, message));
  }

  private String missing(Kind kind, String name, Set<?> known) {
    List<String> sample = known.stream().map(Object::toString).sorted().limit(8).toList();
    return missing(kind, name, "no " + noun(kind) + " '" + name + "'"
        + (sample.isEmpty() ? "" : " (known: " + String.join(", ", sample) + (known.size() > 8 ? ", ..." : "") + ")"));
  }

  private static String noun(Kind kind) {
    return kind.wireName().toLowerCase(java.util.Locale.ROOT);
  }

  /** A reference to something whose own document is broken says so, rather than "unknown". */
  private String missing(Kind kind, String name, String unknownMessage) {
    return broken.origin(kind, name)
        .map(o -> noun(kind) + " '" + name.replace("@", " ") + "' is defined at " + o
            + " but that definition has errors; this entity is left alone until they are fixed")
        .orElse(unknownMessage);
  }

  /** Keeps the documents whose key is unique; every copy of a duplicated key is dropped and reported. */
  private <K, T> Map<K, Loaded<T>> unique(List<Loaded<T>> loaded, Function<T, K> key, String what) {
    Map<K, List<Loaded<T>>> byKey = loaded.stream()
        .collect(Collectors.groupingBy(l -> key.apply(l.value()), LinkedHashMap::new, Collectors.toList()));
    Map<K, Loaded<T>> unique = new LinkedHashMap<>();
    byKey.forEach((k, same) -> {
      if (same.size() > 1) {
        reportDuplicates(same, v -> key.apply(v).toString(), what, DROPPED);
      } else {
        unique.put(k, same.get(0));
      }
    });
    return unique;
  }

  private <T> void uniqueButKept(List<Loaded<T>> loaded, Function<T, String> identity, String what) {
    loaded.stream()
        .collect(Collectors.groupingBy(l -> identity.apply(l.value()), LinkedHashMap::new, Collectors.toList()))
        .values().stream().filter(same -> same.size() > 1)
        .forEach(same -> reportDuplicates(same, identity, what, KEPT));
  }

  private <T> void reportDuplicates(List<Loaded<T>> same, Function<T, String> identity, String what, String outcome) {
    Origin first = same.get(0).source().origin();
    for (int i = 1; i < same.size(); i++) {
      problems.add(new Problem(same.get(i).source().at("/metadata/name"), ProblemReason.DUPLICATE,
          what + " '" + identity.apply(same.get(i).value()) + "' is defined twice (first at " + first
              + "); " + outcome));
    }
  }

  private static <K extends Comparable<K>, T> TreeMap<K, T> values(Map<K, Loaded<T>> loaded) {
    TreeMap<K, T> values = new TreeMap<>();
    loaded.forEach((k, v) -> values.put(k, v.value()));
    return values;
  }
}
