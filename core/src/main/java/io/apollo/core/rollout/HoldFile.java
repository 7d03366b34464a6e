package io.apollo.core.rollout;

import java.time.Instant;
import java.util.Locale;

/**
 * The {@code ReleaseHold} document for a {@link Halt}, as the hub commits it: {@code holds/<name>.yaml}, where the
 * name is {@code <artifact>-<version>-<environments>}. Pure.
 */
public final class HoldFile {
  private HoldFile() {}

  /** The hold's {@code metadata.name}. */
  public static String name(Halt halt) {
    return (halt.product().artifact() + "-" + halt.version() + "-" + String.join("-", halt.environments()
        .stream().sorted().toList())).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
  }

  /** Where the hold lives in the config repository. */
  public static String path(Halt halt) {
    return "holds/" + name(halt) + ".yaml";
  }

  /** The document's text. */
  public static String render(Halt halt, Instant at) {
    return "# Written by the Apollo hub: a canary failed on this release, so it is held (issue 16).\n"
        + "# Delete this file (or run apollo release unhold) once a fixed release is out.\n"
        + "apiVersion: apollo/v1\n"
        + "kind: ReleaseHold\n"
        + "metadata:\n"
        + "  name: " + name(halt) + "\n"
        + "spec:\n"
        + "  product: " + halt.product() + "\n"
        + "  version: " + halt.version() + "\n"
        + "  environments: [" + String.join(", ", halt.environments().stream().sorted().toList()) + "]\n"
        + "  reason: " + quote(halt.message()) + "\n"
        + "  canary: " + halt.canary() + "\n"
        + "  heldAt: \"" + at + "\"\n";
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
  }
}
