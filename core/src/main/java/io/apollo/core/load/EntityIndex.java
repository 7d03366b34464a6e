package io.apollo.core.load;

import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The entity half of an {@link IncrementalLoad}: every entity document by identity, with the file and place it was
 * read from, and the outcome of each identity's check ({@link CrossChecks#entity}), kept between loads so that a
 * change checks again only the identities its files name, and when what an entity's check reads of the other kinds
 * changed ({@link CheckedContext#sameForEntities}), those that read what changed. Not thread-safe: one load at a time.
 */
final class EntityIndex {
  /** One entity document: its file and its place among that file's entity documents. */
  private record Occurrence(String path, int index, Loaded<EntityDraft> draft) {}

  /** The order a full load reads documents in: by path (the listing's order), then within the file. */
  private static final Comparator<Occurrence> READING_ORDER =
      Comparator.comparing(Occurrence::path).thenComparingInt(Occurrence::index);

  private final Map<String, List<Occurrence>> byKey = new HashMap<>();
  /** The identities whose documents name each product, and each environment. */
  private final Map<ProductId, Set<String>> byProduct = new HashMap<>();
  private final Map<String, Set<String>> byEnvironment = new HashMap<>();
  /** Entity ids that a document failing validation names, with how many files hold one. */
  private final Map<EntityId, Integer> brokenIn = new HashMap<>();
  private final Map<String, EntityCheck> checks = new HashMap<>();
  private final TreeMap<EntityId, Entity> entities = new TreeMap<>();
  /** The identities whose check found a problem or an invalid entity: few, so a load's result reads only these. */
  private final Set<String> notClean = new HashSet<>();
  /** The identities a file changed since the last {@link #recheck}. */
  private final Set<String> dirty = new HashSet<>();

  /** Forgets the entity documents of a file that changed or is gone. */
  void remove(String path, FileResult file) {
    for (Loaded<EntityDraft> loaded : file.mapped().entities) {
      String key = CrossChecks.key(loaded.value());
      List<Occurrence> same = byKey.get(key);
      if (same != null) {
        same.removeIf(o -> o.path().equals(path));
        if (same.isEmpty()) {
          byKey.remove(key);
        }
      }
      // The identity stays indexed under a product or environment while another file's document names it.
      EntityDraft draft = loaded.value();
      List<Occurrence> left = byKey.getOrDefault(key, List.of());
      if (left.stream().noneMatch(o -> o.draft().value().product().equals(draft.product()))) {
        unindex(byProduct, draft.product(), key);
      }
      if (left.stream().noneMatch(o -> o.draft().value().id().environment().equals(draft.id().environment()))) {
        unindex(byEnvironment, draft.id().environment(), key);
      }
      dirty.add(key);
    }
    for (EntityId id : file.broken().entityIds()) {
      brokenIn.computeIfPresent(id, (k, n) -> n == 1 ? null : n - 1);
      dirty.add(id.toString());
    }
  }

  /** Adds the entity documents of a file read now. */
  void add(String path, FileResult file) {
    List<Loaded<EntityDraft>> drafts = file.mapped().entities;
    for (int i = 0; i < drafts.size(); i++) {
      Occurrence occurrence = new Occurrence(path, i, drafts.get(i));
      String key = CrossChecks.key(occurrence.draft().value());
      List<Occurrence> same = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
      // Never found: a path and a place name one document.
      int at = Collections.binarySearch(same, occurrence, READING_ORDER);
      same.add(-at - 1, occurrence);
      byProduct.computeIfAbsent(occurrence.draft().value().product(), k -> new HashSet<>()).add(key);
      byEnvironment.computeIfAbsent(occurrence.draft().value().id().environment(), k -> new HashSet<>()).add(key);
      dirty.add(key);
    }
    for (EntityId id : file.broken().entityIds()) {
      brokenIn.merge(id, 1, Integer::sum);
      dirty.add(id.toString());
    }
  }

  private static <K> void unindex(Map<K, Set<String>> index, K at, String key) {
    Set<String> keys = index.get(at);
    if (keys != null && keys.remove(key) && keys.isEmpty()) {
      index.remove(at);
    }
  }

  /**
   * Checks again what changed since the last call, {@code before} being the context of the last call (null for none,
   * when every identity is checked): the identities the changed files named, and when the context changed what an
   * entity's check reads of it, those naming a product or environment that changed and those that did not resolve.
   */
  void recheck(CheckedContext before, CheckedContext context) {
    if (before != null && before != context && !before.sameForEntities(context)) {
      dirty.addAll(notClean);
      before.productsChanged(context).forEach(p -> dirty.addAll(byProduct.getOrDefault(p, Set.of())));
      before.environmentsChanged(context).forEach(e -> dirty.addAll(byEnvironment.getOrDefault(e, Set.of())));
    }
    recheck(context, before == null);
  }

  /** Checks again the identities the files changed since the last call named, or every identity when {@code all}. */
  private void recheck(CheckedContext context, boolean all) {
    if (all) {
      checks.clear();
      entities.clear();
      notClean.clear();
      byKey.forEach((key, same) -> check(key, same, context));
    } else {
      for (String key : dirty) {
        EntityCheck old = checks.remove(key);
        if (old != null) {
          old.entity().ifPresent(e -> entities.remove(e.id()));
        }
        notClean.remove(key);
        List<Occurrence> same = byKey.get(key);
        if (same != null) {
          check(key, same, context);
        }
      }
    }
    dirty.clear();
  }

  private void check(String key, List<Occurrence> same, CheckedContext context) {
    List<Loaded<EntityDraft>> drafts = new ArrayList<>(same.size());
    same.forEach(o -> drafts.add(o.draft()));
    EntityCheck check = CrossChecks.entity(drafts, context, brokenIn::containsKey);
    checks.put(key, check);
    check.entity().ifPresent(e -> entities.put(e.id(), e));
    if (!check.problems().isEmpty() || check.invalid().isPresent()) {
      notClean.add(key);
    }
  }

  /** The entities that resolved, by id: the index's own map, which the next load changes (copy it to keep it). */
  TreeMap<EntityId, Entity> entities() {
    return entities;
  }

  /** The invalid entities, as a full load names them: those broken documents name and those whose check failed. */
  Set<EntityId> invalid() {
    Set<EntityId> invalid = new HashSet<>(brokenIn.keySet());
    notClean.forEach(key -> checks.get(key).invalid().ifPresent(invalid::add));
    return invalid;
  }

  /** Adds the problems the entities' checks found to {@code into}. */
  void problems(List<Problem> into) {
    notClean.forEach(key -> into.addAll(checks.get(key).problems()));
  }
}
