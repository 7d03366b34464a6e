package io.apollo.core.config;

import io.apollo.core.version.Channel;
import io.apollo.core.version.Version;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A product in an environment on a spoke ({@code kind: Entity}), either pinned to a {@code version} or following a
 * {@code channel} (exactly one of the two; an entity with {@code state: absent} may name neither). {@code spoke} is already resolved: when the document omits it, the
 * loader fills in the environment's only spoke. {@code config} is the free map of helm values or service config,
 * and {@code configDigest} its canonical digest. {@code canary}, when present, makes it the canary of other entities
 * of its product.
 */
public record Entity(
    Metadata metadata,
    EntityId id,
    ProductId product,
    String spoke,
    Optional<Version> version,
    Optional<Channel> channel,
    Map<String, Object> config,
    String configDigest,
    Presence state,
    Origin origin,
    Optional<Canary> canary) {

  public Entity {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(spoke, "spoke");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(state, "state");
    if (version.isPresent() && channel.isPresent()
        || state == Presence.PRESENT && version.isEmpty() && channel.isEmpty()) {
      throw new IllegalArgumentException("entity " + id + " needs exactly one of version or channel"
          + " (an absent entity may have neither)");
    }
    config = ConfigDigest.deepCopy(config);
    Objects.requireNonNull(configDigest, "configDigest");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(canary, "canary");
  }

  /** An entity that is no canary. */
  public Entity(Metadata metadata, EntityId id, ProductId product, String spoke, Optional<Version> version,
      Optional<Channel> channel, Map<String, Object> config, String configDigest, Presence state, Origin origin) {
    this(metadata, id, product, spoke, version, channel, config, configDigest, state, origin, Optional.empty());
  }

  public String environment() {
    return id.environment();
  }

  public boolean isPinned() {
    return version.isPresent();
  }
}
