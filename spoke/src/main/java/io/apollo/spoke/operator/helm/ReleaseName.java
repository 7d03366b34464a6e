package io.apollo.spoke.operator.helm;

import io.apollo.core.config.EntityId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The helm release of an entity. When the environment is only lower-case letters and digits, the entity's name is a
 * DNS label, and together they fit helm's 53 characters, it is plainly {@code <environment>-<name>}
 * ({@code staging/catalog} gives {@code staging-catalog}): the first {@code -} then tells the two apart, so no two
 * entities share a release. Any other id is lower-cased, each run of other characters made one {@code -}, cut to 46
 * characters and given {@code -} plus 6 hex digits of the SHA-256 of the exact id ({@code prod-eu/api} gives
 * {@code prod-eu-api-} and a hash), so names stay distinct and within 53. The same entity always gets the same name.
 */
public record ReleaseName(String value) {
  static final int MAX_LENGTH = 53;
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern SIMPLE_ENVIRONMENT = Pattern.compile("[a-z0-9]+");
  private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9]+");

  public ReleaseName {
    Objects.requireNonNull(value, "value");
  }

  public static ReleaseName of(EntityId entity) {
    String plain = entity.environment() + "-" + entity.name();
    if (SIMPLE_ENVIRONMENT.matcher(entity.environment()).matches() && isDnsLabel(entity.name())
        && plain.length() <= MAX_LENGTH) {
      return new ReleaseName(plain);
    }
    String cleaned = NOT_ALLOWED.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-");
    String cut = cleaned.substring(0, Math.min(cleaned.length(), MAX_LENGTH - 7)).replaceAll("^-+|-+$", "");
    return new ReleaseName((cut.isEmpty() ? "apollo" : cut) + "-" + shortHash(entity.toString()));
  }

  static boolean isDnsLabel(String text) {
    return DNS_LABEL.matcher(text).matches();
  }

  private static String shortHash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
