package io.apollo.core.config;

import io.apollo.core.version.Version;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A release held back ({@code kind: ReleaseHold}): never a target for entities of {@code product} in {@code
 * environments} (every environment when empty) until the document is deleted. The hub commits one when a canary
 * fails or degrades on a release ({@code canary} names it); a person may write or delete one ({@code apollo release
 * hold/unhold}). Unlike a recall, a hold is scoped to environments and is meant to be lifted.
 */
public record ReleaseHold(Metadata metadata, ProductId product, Version version, Set<String> environments,
    String reason, Optional<EntityId> canary, Origin origin) {
  public ReleaseHold {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(version, "version");
    environments = Set.copyOf(environments);
    reason = reason == null ? "" : reason;
    Objects.requireNonNull(canary, "canary");
    Objects.requireNonNull(origin, "origin");
  }

  /** Whether this hold covers {@code product} at {@code v} in {@code environment}. */
  public boolean holds(ProductId p, Version v, String environment) {
    return product.equals(p) && version.compareTo(v) == 0
        && (environments.isEmpty() || environments.contains(environment));
  }
}
