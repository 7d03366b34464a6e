package io.apollo.core.config;

import io.apollo.core.version.Channel;
import io.apollo.core.version.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One version of a product ({@code kind: Release}); identity is ({@code product}, {@code version}). Its channels
 * default to the channel of the version's type.
 */
public record Release(
    Metadata metadata,
    ProductId product,
    Version version,
    Set<Channel> channels,
    Optional<Recall> recalled,
    Optional<Artifact> artifact,
    Manifest manifest,
    Origin origin) {

  /** Newest first. */
  public static final Comparator<Release> NEWEST_FIRST = Comparator.comparing(Release::version).reversed();

  public Release {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(version, "version");
    channels = channels == null || channels.isEmpty() ? Set.of(version.defaultChannel()) : Set.copyOf(channels);
    Objects.requireNonNull(recalled, "recalled");
    Objects.requireNonNull(artifact, "artifact");
    manifest = manifest == null ? Manifest.empty() : manifest;
    Objects.requireNonNull(origin, "origin");
  }

  public boolean isRecalled() {
    return recalled.isPresent();
  }

  /** The product dependencies that must be met before this release may run. */
  public List<ProductDependency> requiredDependencies() {
    List<ProductDependency> all = manifest.productDependencies();
    List<ProductDependency> required = new ArrayList<>(all.size());
    for (ProductDependency dependency : all) {
      if (!dependency.optional()) {
        required.add(dependency);
      }
    }
    return Collections.unmodifiableList(required);
  }

  /** Channels in stability order, for output. */
  public List<Channel> sortedChannels() {
    return EnumSet.copyOf(channels).stream().toList();
  }
}
