package io.apollo.reconciler.hub;

import io.apollo.core.config.ConfigDigest;
import java.util.Map;

/** The config digest of {@link TestRepo}'s entities ({@code port: 8080}), as a spoke reports it once applied. */
final class TestDigests {
  static final String PORT_8080 = ConfigDigest.of(Map.of("port", 8080));

  private TestDigests() {}
}
