package io.apollo.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * An entity's canary role ({@code spec.canary} of an Entity): the canary takes a new release first; the entities of
 * its product that {@code of} selects (the canary itself excepted) take it only after it ran healthy on the canary
 * for {@code bake}. A canary that fails or degrades on a release halts the rollout: the hub holds the release.
 */
public record Canary(Selector of, Duration bake) {
  public Canary {
    Objects.requireNonNull(of, "of");
    Objects.requireNonNull(bake, "bake");
  }
}
