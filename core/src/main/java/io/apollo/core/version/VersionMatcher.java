package io.apollo.core.version;

import com.palantir.sls.versions.SlsVersionMatcher;
import io.apollo.core.ApolloException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An SLS version matcher such as {@code 2.x.x}, {@code 2.3.x} or {@code 2.3.4}, as used for the
 * {@code maximum-version} of a product dependency. As with {@link Version}, numbers must not have leading zeros:
 * sls-version-java treats {@code 01.x.x} and {@code 1.x.x} as one matcher and interns them, so the text a user wrote
 * could otherwise come back spelled the other way.
 */
public record VersionMatcher(SlsVersionMatcher sls) {

  private static final String PART = "(x|0|[1-9][0-9]*)";

  /** Three parts, each {@code x} or a number without leading zeros; sls-version-java checks where x may stand. */
  private static final Pattern CANONICAL = Pattern.compile(PART + "\\." + PART + "\\." + PART);

  public VersionMatcher {
    Objects.requireNonNull(sls, "sls");
    if (!CANONICAL.matcher(sls.getValue()).matches()) {
      throw new ApolloException(
          "'" + sls.getValue() + "' is not an SLS version matcher: numbers must not have leading zeros");
    }
  }

  public static VersionMatcher parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () ->
                new ApolloException(
                    "'" + text + "' is not an SLS version matcher (expected e.g. 2.x.x, 2.3.x or 2.3.4)"));
  }

  /** Parses a matcher; empty for anything else, including leading zeros and numbers beyond int32. */
  public static Optional<VersionMatcher> tryParse(String text) {
    if (text == null || !CANONICAL.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return SlsVersionMatcher.safeValueOf(text).map(VersionMatcher::new);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** True when {@code version} is a RELEASE version that the matcher's x's can be filled in to spell. */
  public boolean matches(Version version) {
    return sls.matches(version.sls());
  }

  /**
   * Where {@code version} lies relative to this matcher: negative when the version is below every version the
   * matcher accepts, zero when it is within the matcher's numbers, positive when it is above. Zero is wider than
   * {@link #matches}: {@code 1.2.x} holds {@code 1.2.3-rc1} (same numbers) though it matches only RELEASE versions.
   */
  public int compareTo(Version version) {
    // SlsVersionMatcher.compare answers from the matcher's side (positive: the matcher is above the version); flip
    // it to the version's side. Through signum, so that a comparator returning Integer.MIN_VALUE cannot stay negative.
    return -Integer.signum(sls.compare(version.sls()));
  }

  @Override
  public String toString() {
    return sls.getValue();
  }
}
