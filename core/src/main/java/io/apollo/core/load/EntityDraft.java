package io.apollo.core.load;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.Metadata;
import io.apollo.core.config.Presence;
import io.apollo.core.config.ProductId;
import io.apollo.core.version.Channel;
import io.apollo.core.version.Version;
import java.util.Map;
import java.util.Optional;

/** An entity as written, before its references are resolved (the spoke may still be implied by the environment). */
record EntityDraft(
    Metadata metadata,
    EntityId id,
    ProductId product,
    Optional<String> spoke,
    Optional<Version> version,
    Optional<Channel> channel,
    Map<String, Object> config,
    Presence state,
    Optional<io.apollo.core.config.Canary> canary) {}
