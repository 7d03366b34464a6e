package io.apollo.core.config;

import io.apollo.core.version.Version;
import io.apollo.core.version.VersionMatcher;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an SLS manifest's {@code extensions.product-dependencies}: this release needs {@code product} at a
 * version in [{@code minimumVersion}, {@code maximumVersion}] (the maximum is a matcher such as {@code 2.x.x}).
 */
public record ProductDependency(
    ProductId product,
    Version minimumVersion,
    VersionMatcher maximumVersion,
    Optional<Version> recommendedVersion,
    boolean optional) {
  public ProductDependency {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(minimumVersion, "minimumVersion");
    Objects.requireNonNull(maximumVersion, "maximumVersion");
    Objects.requireNonNull(recommendedVersion, "recommendedVersion");
  }

  /** True when {@code version} lies in [minimum, maximum matcher]. */
  public boolean acceptsVersion(Version version) {
    return version.compareTo(minimumVersion) >= 0 && maximumVersion.compareTo(version) <= 0;
  }

  /** {@code [1.2.0, 2.x.x]}, for messages. */
  public String range() {
    return "[" + minimumVersion + ", " + maximumVersion + "]";
  }
}
