package io.apollo.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a release's bits are. For an SLS service, {@code uri} is the distribution ({@code .tgz}) and {@code sha256}
 * its checksum; for a helm chart, {@code uri} is the chart reference and {@code chartVersion} the chart's version.
 */
public record Artifact(String uri, Optional<String> sha256, Optional<String> chartVersion) {
  public Artifact {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(chartVersion, "chartVersion");
  }
}
