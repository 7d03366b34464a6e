package io.apollo.core.config;

import io.apollo.core.ApolloException;
import java.util.Objects;
import java.util.Optional;

/** An entity's identity: {@code <environment>/<metadata.name>}. */
public record EntityId(String environment, String name) implements Comparable<EntityId> {
  public EntityId {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(name, "name");
  }

  public static Optional<EntityId> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1 || slash != text.lastIndexOf('/')) {
      return Optional.empty();
    }
    return Optional.of(new EntityId(text.substring(0, slash), text.substring(slash + 1)));
  }

  public static EntityId parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new ApolloException("'" + text + "' is not an entity id (expected environment/name)"));
  }

  @Override
  public int compareTo(EntityId o) {
    int c = environment.compareTo(o.environment);
    return c != 0 ? c : name.compareTo(o.name);
  }

  /** Well spread, so that large fleets of similar ids do not collide (see {@link IdentityHash}). */
  @Override
  public int hashCode() {
    return IdentityHash.of(environment, name);
  }

  @Override
  public String toString() {
    return environment + "/" + name;
  }
}
