package io.apollo.core.rollout;

import io.apollo.core.config.Metadata;
import io.apollo.core.config.Origin;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.ReleaseHold;
import io.apollo.core.version.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code ReleaseHold} document for a hold, as the hub (for a {@link Halt}) and {@code apollo release hold}
 * write it: {@code holds/<name>.yaml}, the name {@code <artifact>-<version>[-<environments>]}. Pure.
 */
public final class HoldFile {
  private HoldFile() {}

  /** The hold's {@code metadata.name}: {@code hello-service-1.2.0-production}; no environments: every one. */
  public static String name(ProductId product, Version version, Set<String> environments) {
    String where = environments.isEmpty() ? "" : "-" + String.join("-", environments.stream().sorted().toList());
    return (product.artifact() + "-" + version + where).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
  }

  /** Where a hold of that name lives in the config repository. */
  public static String path(String name) {
    return "holds/" + name + ".yaml";
  }

  /** Where the hold for {@code halt} lives. */
  public static String path(Halt halt) {
    return path(name(halt.product(), halt.version(), halt.environments()));
  }

  /** The hold the hub writes for {@code halt}. */
  public static ReleaseHold of(Halt halt) {
    String name = name(halt.product(), halt.version(), halt.environments());
    return new ReleaseHold(Metadata.named(name), halt.product(), halt.version(), halt.environments(),
        halt.message(), Optional.of(halt.canary()), Origin.of(path(name)));
  }

  /** The text the hub commits for {@code halt}. */
  public static String render(Halt halt, Instant at) {
    return render(of(halt), "Written by the Apollo hub: canary " + halt.canary() + " " + halt.reason()
        .name().toLowerCase(Locale.ROOT).replace('_', ' ') + " on this release, so it is held.", at);
  }

  /** The document's text, under a first comment line {@code header}. */
  public static String render(ReleaseHold hold, String header, Instant at) {
    StringBuilder out = new StringBuilder()
        .append("# ").append(header).append('\n')
        .append("# Delete this file (or run apollo release unhold) to lift the hold.\n")
        .append("apiVersion: apollo/v1\n")
        .append("kind: ReleaseHold\n")
        .append("metadata:\n")
        .append("  name: ").append(hold.metadata().name()).append('\n')
        .append("spec:\n")
        .append("  product: ").append(hold.product()).append('\n')
        .append("  version: ").append(hold.version()).append('\n');
    if (!hold.environments().isEmpty()) {
      out.append("  environments: [").append(String.join(", ", hold.environments().stream().sorted().toList()))
          .append("]\n");
    }
    out.append("  reason: ").append(quote(hold.reason())).append('\n');
    hold.canary().ifPresent(c -> out.append("  canary: ").append(c).append('\n'));
    return out.append("  heldAt: \"").append(at).append("\"\n").toString();
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
  }
}
