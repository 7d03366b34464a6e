package io.apollo.core.rollout;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductId;
import io.apollo.core.version.Version;
import java.util.Objects;
import java.util.Set;

/**
 * A rollout to halt: the canary {@code canary} failed or degraded on {@code version} of {@code product}, so that
 * release must be held in {@code environments}. {@code reason} is the machine reason, {@code message} the words.
 */
public record Halt(EntityId canary, ProductId product, Version version, Set<String> environments, HaltReason reason,
    String message) {
  public Halt {
    Objects.requireNonNull(canary, "canary");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(version, "version");
    environments = Set.copyOf(environments);
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
