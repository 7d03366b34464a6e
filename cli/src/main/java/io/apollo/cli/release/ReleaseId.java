package io.apollo.cli.release;

import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.version.Version;
import java.util.Optional;

/** A release's id on the command line: {@code group:artifact:version}, e.g. {@code com.example:catalog-service:2.1.0}. */
public record ReleaseId(ProductId product, Version version) {
  public static Optional<ReleaseId> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int first = text.indexOf(':');
    int second = first < 0 ? -1 : text.indexOf(':', first + 1);
    if (second < 0) {
      return Optional.empty();
    }
    return ProductId.tryParse(text.substring(0, second))
        .flatMap(p -> Version.tryParse(text.substring(second + 1)).map(v -> new ReleaseId(p, v)));
  }

  public static ReleaseId of(Release release) {
    return new ReleaseId(release.product(), release.version());
  }

  @Override
  public String toString() {
    return product + ":" + version;
  }
}
