package io.apollo.core.load;

import io.apollo.core.config.Manifest;
import io.apollo.core.config.ProductDependency;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.Release;
import io.apollo.core.version.Channel;
import io.apollo.core.version.Version;
import io.apollo.core.version.VersionMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a {@code Release} document and checks what one release can get wrong by itself: an unorderable version,
 * a channel its version type may not join, a manifest that names another product or version, and product-dependency
 * ranges that can never be met or are lockstep.
 */
final class ReleaseMapper {
  private static final String DEPENDENCIES = "/spec/manifest/extensions/product-dependencies";

  private ReleaseMapper() {}

  static Optional<Release> release(DocumentReader r) {
    Optional<ProductId> product = r.productId("/spec/product");
    Optional<Version> version = r.version("/spec/version");
    if (product.isEmpty() || version.isEmpty()) {
      return Optional.empty();
    }
    boolean ok = checkChannels(r, version.get());
    ok &= checkManifestIdentity(r, product.get(), version.get());
    Optional<List<ProductDependency>> dependencies = dependencies(r);
    if (!ok || dependencies.isEmpty()) {
      return Optional.empty();
    }
    Manifest manifest = new Manifest(r.string("/spec/manifest/product-type").orElse(null),
        r.string("/spec/manifest/product-group").orElse(null), r.string("/spec/manifest/product-name").orElse(null),
        r.string("/spec/manifest/product-version").orElse(null), dependencies.get());
    Set<Channel> channels = DocumentMapper.channels(r.strings("/spec/channels"));
    return Optional.of(new Release(r.metadata(), product.get(), version.get(), channels, DocumentMapper.recall(r),
        DocumentMapper.artifact(r), manifest, r.origin()));
  }

  private static boolean checkChannels(DocumentReader r, Version version) {
    boolean ok = true;
    List<String> names = r.strings("/spec/channels");
    for (int i = 0; i < names.size(); i++) {
      Optional<Channel> channel = Channel.fromWireName(names.get(i));
      if (channel.isPresent() && !channel.get().accepts(version)) {
        r.problem("/spec/channels/" + i, ProblemReason.CHANNEL_ADMISSION, "spec.channels[" + i + "]: '"
            + channel.get() + "' takes only release versions (X.Y.Z); " + version + " is a " + describe(version)
            + ": put it on " + version.defaultChannel() + ", or publish a release version for stable");
        ok = false;
      }
    }
    return ok;
  }

  private static boolean checkManifestIdentity(DocumentReader r, ProductId product, Version version) {
    boolean ok = true;
    Optional<String> group = r.string("/spec/manifest/product-group");
    Optional<String> name = r.string("/spec/manifest/product-name");
    if (group.isPresent() && !group.get().equals(product.group())) {
      r.problem("/spec/manifest/product-group", ProblemReason.INVALID_VALUE, "spec.manifest.product-group: '"
          + group.get() + "' does not match spec.product " + product);
      ok = false;
    }
    if (name.isPresent() && !name.get().equals(product.artifact())) {
      r.problem("/spec/manifest/product-name", ProblemReason.INVALID_VALUE, "spec.manifest.product-name: '"
          + name.get() + "' does not match spec.product " + product);
      ok = false;
    }
    Optional<String> manifestVersion = r.string("/spec/manifest/product-version");
    if (manifestVersion.isPresent() && !manifestVersion.get().equals(version.toString())) {
      r.problem("/spec/manifest/product-version", ProblemReason.INVALID_VALUE, "spec.manifest.product-version: '"
          + manifestVersion.get() + "' does not match spec.version " + version);
      ok = false;
    }
    return ok;
  }

  private static Optional<List<ProductDependency>> dependencies(DocumentReader r) {
    List<ProductDependency> dependencies = new ArrayList<>();
    boolean ok = true;
    int count = r.node(DEPENDENCIES).size();
    for (int i = 0; i < count; i++) {
      String base = DEPENDENCIES + "/" + i;
      Optional<ProductDependency> dependency = dependency(r, base);
      dependency.ifPresent(dependencies::add);
      ok &= dependency.isPresent();
    }
    return ok ? Optional.of(dependencies) : Optional.empty();
  }

  private static Optional<ProductDependency> dependency(DocumentReader r, String base) {
    String group = r.string(base + "/product-group").orElseThrow();
    String name = r.string(base + "/product-name").orElseThrow();
    Optional<ProductId> product = ProductId.tryParse(group + ":" + name);
    if (product.isEmpty()) {
      r.problem(base, ProblemReason.INVALID_VALUE, DocumentReader.dotted(base) + ": '" + group + ":" + name
          + "' is not a product id");
    }
    Optional<Version> minimum = r.version(base + "/minimum-version");
    Optional<VersionMatcher> maximum = r.matcher(base + "/maximum-version");
    Optional<Version> recommended = r.version(base + "/recommended-version");
    boolean recommendedBroken = r.has(base + "/recommended-version") && recommended.isEmpty();
    if (product.isEmpty() || minimum.isEmpty() || maximum.isEmpty() || recommendedBroken) {
      return Optional.empty();
    }
    if (maximum.get().compareTo(minimum.get()) > 0) {
      r.problem(base + "/minimum-version", ProblemReason.DEPENDENCY_RANGE, "dependency on " + product.get()
          + ": minimum-version " + minimum.get() + " is above maximum-version " + maximum.get()
          + ", so no version can ever satisfy it; lower the minimum or raise the maximum");
      return Optional.empty();
    }
    if (isLockstep(minimum.get(), maximum.get())) {
      r.problem(base + "/maximum-version", ProblemReason.DEPENDENCY_RANGE, "dependency on " + product.get()
          + ": minimum-version and maximum-version are both " + minimum.get() + " (lockstep), which blocks every "
          + "independent release of it; give a range such as maximum-version " + minimum.get().sls().getMajorVersionNumber()
          + ".x.x");
      return Optional.empty();
    }
    ProductDependency dependency = new ProductDependency(product.get(), minimum.get(), maximum.get(), recommended,
        r.node(base + "/optional").asBoolean(false));
    if (recommended.isPresent() && !dependency.acceptsVersion(recommended.get())) {
      r.problem(base + "/recommended-version", ProblemReason.DEPENDENCY_RANGE, "dependency on " + product.get()
          + ": recommended-version " + recommended.get() + " lies outside " + dependency.range());
      return Optional.empty();
    }
    return Optional.of(dependency);
  }

  /** A maximum with no wildcard that names the minimum exactly. */
  private static boolean isLockstep(Version minimum, VersionMatcher maximum) {
    var sls = maximum.sls();
    return sls.getMajorVersionNumber().isPresent() && sls.getMinorVersionNumber().isPresent()
        && sls.getPatchVersionNumber().isPresent() && maximum.matches(minimum) && minimum.isRelease();
  }

  private static String describe(Version version) {
    return switch (version.type()) {
      case RELEASE_CANDIDATE -> "release candidate";
      case RELEASE_CANDIDATE_SNAPSHOT, RELEASE_SNAPSHOT -> "snapshot";
      default -> "non-release version";
    };
  }
}
