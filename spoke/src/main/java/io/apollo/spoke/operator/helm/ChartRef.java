package io.apollo.spoke.operator.helm;

import io.apollo.core.wire.PlanMessage.WireArtifact;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A chart as helm is given it, from a release's artifact: {@code file:} URIs and absolute paths are a chart folder
 * or packaged {@code .tgz} on this host; {@code http(s):} a packaged chart to download; anything else
 * ({@code oci://registry/chart}, {@code repo/chart}) a chart in a registry or repository, pinned with
 * {@code --version} to the artifact's {@code chartVersion}.
 */
record ChartRef(String reference, Optional<String> version) {
  ChartRef {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(version, "version");
  }

  static ChartRef of(WireArtifact artifact) {
    String uri = artifact.uri().strip();
    if (uri.startsWith("file:")) {
      return new ChartRef(Path.of(URI.create(uri)).toString(), Optional.empty());
    }
    if (uri.startsWith("/") || uri.startsWith("http://") || uri.startsWith("https://")) {
      return new ChartRef(uri, Optional.empty());
    }
    return new ChartRef(uri, artifact.chartVersion());
  }

  /** The chart, then {@code --version} when it is pinned. */
  List<String> args() {
    List<String> args = new ArrayList<>(List.of(reference));
    version.ifPresent(v -> args.addAll(List.of("--version", v)));
    return args;
  }
}
