package io.apollo.core.plan;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductDependency;
import io.apollo.core.config.ProductId;
import io.apollo.core.constraint.LayeredMap;
import io.apollo.core.config.Release;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.ReportedState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What each environment runs, by product, as spokes report it: indexed once per planning pass so that dependency
 * checks cost a map look-up, not a scan of the fleet. Entities a spoke reports but desired state no longer defines
 * count too: they run. Immutable once built; {@link #update} gives the next pass's index from the changed reports
 * alone (issue 18).
 */
final class RunningVersions {
  private record Key(String environment, ProductId product) {}

  private static final Comparator<EntityReport> BY_ENTITY = Comparator.comparing(EntityReport::entity);

  private final LayeredMap<Key, List<EntityReport>> installed;

  RunningVersions(ReportedState reported) {
    Map<Key, List<EntityReport>> all = new HashMap<>();
    for (EntityReport report : reported.entities().values()) {
      if (report.isInstalled()) {
        all.computeIfAbsent(key(report), k -> new ArrayList<>()).add(report);
      }
    }
    all.values().forEach(list -> list.sort(BY_ENTITY));
    installed = LayeredMap.of(all);
  }

  private RunningVersions(LayeredMap<Key, List<EntityReport>> installed) {
    this.installed = installed;
  }

  /**
   * What {@code next} runs, from this index of {@code previous}: {@code changed} must hold every entity whose report
   * differs between the two. Gives what {@code new RunningVersions(next)} gives; this index is left as it was.
   */
  RunningVersions update(ReportedState previous, ReportedState next, Set<EntityId> changed) {
    Map<Key, List<EntityReport>> edited = new HashMap<>();
    Set<Key> keys = new HashSet<>();
    for (EntityId id : changed) {
      previous.get(id).filter(EntityReport::isInstalled).ifPresent(r -> keys.add(key(r)));
      next.get(id).filter(EntityReport::isInstalled).ifPresent(r -> keys.add(key(r)));
    }
    for (Key key : keys) {
      List<EntityReport> list = new ArrayList<>(installed.getOrDefault(key, List.of()));
      list.removeIf(r -> changed.contains(r.entity()));
      for (EntityId id : changed) {
        next.get(id).filter(r -> r.isInstalled() && key.equals(key(r))).ifPresent(list::add);
      }
      list.sort(BY_ENTITY);
      edited.put(key, list.isEmpty() ? null : list);
    }
    return new RunningVersions(installed.with(edited));
  }

  /** The index by environment and product in words, for tests that compare an update with a new index. */
  Map<String, List<EntityReport>> contents() {
    Map<String, List<EntityReport>> all = new java.util.TreeMap<>();
    installed.forEach((k, v) -> all.put(k.toString(), v));
    return all;
  }

  private static Key key(EntityReport report) {
    return new Key(report.entity().environment(), report.product());
  }

  /** The installed entities of {@code product} in {@code environment}, in id order. */
  List<EntityReport> of(String environment, ProductId product) {
    return installed.getOrDefault(new Key(environment, product), List.of());
  }

  /**
   * One message per non-optional product dependency of {@code release} that nothing in {@code environment} meets
   * (no installed entity of that product runs a version in range); empty when every one is met.
   */
  List<String> unmetDependencies(Release release, String environment) {
    List<String> unmet = new ArrayList<>();
    for (ProductDependency dependency : release.requiredDependencies()) {
      List<EntityReport> running = of(environment, dependency.product());
      boolean met = running.stream().anyMatch(r -> dependency.acceptsVersion(r.version().orElseThrow()));
      if (!met) {
        unmet.add(
            "needs " + dependency.product() + " in " + dependency.range() + "; " + environment + " runs "
                + describe(running));
      }
    }
    return unmet;
  }

  private static String describe(List<EntityReport> running) {
    if (running.isEmpty()) {
      return "none";
    }
    return running.stream()
        .map(r -> r.version().orElseThrow() + " (" + r.entity() + ")")
        .collect(Collectors.joining(", "));
  }
}
