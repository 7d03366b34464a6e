package io.apollo.core.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A spoke of an environment. With a {@code url} the hub pushes plans to it; without one the spoke polls the hub.
 */
public record SpokeRef(String name, Optional<URI> url) {
  public SpokeRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
  }

  public boolean isPushed() {
    return url.isPresent();
  }
}
