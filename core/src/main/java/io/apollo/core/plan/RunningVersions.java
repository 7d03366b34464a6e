package io.apollo.core.plan;

import io.apollo.core.config.ProductDependency;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.ReportedState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What each environment runs, by product, as spokes report it: indexed once per planning pass so that dependency
 * checks cost a map look-up, not a scan of the fleet. Entities a spoke reports but desired state no longer defines
 * count too: they run.
 */
final class RunningVersions {
  private record Key(String environment, ProductId product) {}

  private final Map<Key, List<EntityReport>> installed = new HashMap<>();

  RunningVersions(ReportedState reported) {
    for (EntityReport report : reported.entities().values()) {
      if (report.isInstalled()) {
        installed
            .computeIfAbsent(new Key(report.entity().environment(), report.product()), k -> new ArrayList<>())
            .add(report);
      }
    }
    installed.values().forEach(list -> list.sort(Comparator.comparing(EntityReport::entity)));
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
