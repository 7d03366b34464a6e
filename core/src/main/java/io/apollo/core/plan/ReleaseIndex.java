package io.apollo.core.plan;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Product;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.version.Version;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Desired state's products and releases, hashed once per planning pass. The planner looks these up several times
 * per entity; {@link DesiredState}'s sorted maps and linear release search are fine for one look-up, not for ten
 * thousand entities.
 */
final class ReleaseIndex {
  private final Map<ProductId, Product> products;
  private final Map<ProductId, List<Release>> releases;
  private final Map<ProductId, Map<String, Release>> byVersionText = new HashMap<>();
  private final DesiredState desired;

  ReleaseIndex(DesiredState desired) {
    this.desired = desired;
    this.products = new HashMap<>(desired.products());
    this.releases = new HashMap<>(desired.releases());
    releases.forEach((product, list) -> {
      Map<String, Release> byText = new HashMap<>();
      list.forEach(r -> byText.put(r.version().toString(), r));
      byVersionText.put(product, byText);
    });
  }

  /**
   * The index of {@code next}: this one when {@code next} has the same products, releases and holds as the desired
   * state this was built from (the usual pass: an entity file or reports changed), else a new one.
   */
  ReleaseIndex reuse(DesiredState next) {
    if (next == desired) {
      return this;
    }
    boolean same = next.products().equals(desired.products()) && next.releases().equals(desired.releases())
        && next.holds().equals(desired.holds());
    return same ? this : new ReleaseIndex(next);
  }

  Optional<Product> product(ProductId id) {
    return Optional.ofNullable(products.get(id));
  }

  /** The product's releases, newest first. */
  List<Release> releasesOf(ProductId id) {
    return releases.getOrDefault(id, List.of());
  }

  /** The hold that keeps {@code release} from {@code environment}, if one does. */
  Optional<io.apollo.core.config.ReleaseHold> hold(Release release, String environment) {
    return desired.holds().isEmpty() ? Optional.empty()
        : desired.hold(release.product(), release.version(), environment);
  }

  /**
   * The release of {@code version}: the same text first, else one at the same place in the version order (as {@link
   * DesiredState#release} answers, for snapshots that differ only in their hash).
   */
  Optional<Release> release(ProductId id, Version version) {
    Release exact = byVersionText.getOrDefault(id, Map.of()).get(version.toString());
    if (exact != null) {
      return Optional.of(exact);
    }
    return releasesOf(id).stream().filter(r -> r.version().compareTo(version) == 0).findFirst();
  }
}
