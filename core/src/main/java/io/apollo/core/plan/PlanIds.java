package io.apollo.core.plan;

import io.apollo.core.config.PlanType;
import io.apollo.core.config.EntityId;
import io.apollo.core.version.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Deterministic plan ids: {@code pl-} and the first 16 hex digits of the SHA-256 of (entity, type, from version, to
 * version, config digest). The same change always gets the same id, so commits that touch other entities do not
 * churn it, and a change that failed is recognised when it comes round again; changing the version or the config
 * makes a new id. Ids are safe in file names and git branch names.
 */
public final class PlanIds {
  private static final Pattern SHAPE = Pattern.compile("pl-[0-9a-f]{16}");

  private PlanIds() {}

  public static String of(
      EntityId entity, PlanType type, Optional<Version> from, Optional<Version> to, String configDigest) {
    // One field per line, absent versions as "-": no two different inputs render to the same text.
    String canonical =
        String.join(
            "\n",
            entity.toString(),
            type.wireName(),
            from.map(Version::toString).orElse("-"),
            to.map(Version::toString).orElse("-"),
            configDigest);
    return "pl-" + HexFormat.of().formatHex(sha256(canonical), 0, 8);
  }

  /** True when {@code text} has the shape of a plan id. */
  public static boolean isPlanId(String text) {
    return text != null && SHAPE.matcher(text).matches();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
