package io.apollo.core.version;

import com.palantir.sls.versions.SlsVersionMatcher;
import io.apollo.core.ApolloException;
import java.util.Objects;
import java.util.Optional;

/**
 * An SLS version matcher such as {@code 2.x.x}, {@code 2.3.x} or {@code 2.3.4}, as used for the
 * {@code maximum-version} of a product dependency.
 */
public record VersionMatcher(SlsVersionMatcher sls) {

  public VersionMatcher {
    Objects.requireNonNull(sls, "sls");
  }

  public static VersionMatcher parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () -> new ApolloException("'" + text + "' is not an SLS version matcher (expected e.g. 2.x.x, 2.3.x or 2.3.4)"));
  }

  public static Optional<VersionMatcher> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return SlsVersionMatcher.safeValueOf(text).map(VersionMatcher::new);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  public boolean matches(Version version) {
    return sls.matches(version.sls());
  }

  /**
   * Where {@code version} lies relative to this matcher: negative when the version is below every version the
   * matcher accepts, zero when it matches, positive when it is above.
   */
  public int compareTo(Version version) {
    // SlsVersionMatcher.compare answers from the matcher's side; flip it to the version's side.
    return -sls.compare(version.sls());
  }

  @Override
  public String toString() {
    return sls.getValue();
  }
}
