package io.apollo.core.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An environment ({@code kind: Environment}) and the spokes that serve it. */
public record Environment(Metadata metadata, List<SpokeRef> spokes, Origin origin) {
  public Environment {
    Objects.requireNonNull(metadata, "metadata");
    spokes = List.copyOf(spokes);
    Objects.requireNonNull(origin, "origin");
  }

  public String name() {
    return metadata.name();
  }

  public Optional<SpokeRef> spoke(String name) {
    return spokes.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
