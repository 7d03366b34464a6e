package io.apollo.reconciler.api;

import io.apollo.reconciler.secrets.SecretLines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The spokes' bearer tokens, read from {@code --spoke-tokens FILE}: one {@code <spoke-name> <token>} per line,
 * {@code #} starts a comment, blank lines are skipped. Tokens are compared in constant time and never printed:
 * {@link #toString()} names the spokes only.
 */
public final class SpokeTokens {
  private final Map<String, byte[]> bySpoke;

  private SpokeTokens(Map<String, byte[]> bySpoke) {
    this.bySpoke = bySpoke;
  }

  public static SpokeTokens read(Path file) {
    return of(new SecretLines("--spoke-tokens", "spoke-name", "token").read(file));
  }

  public static SpokeTokens of(Map<String, String> tokens) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    tokens.forEach((spoke, token) -> bytes.put(spoke, token.getBytes(StandardCharsets.UTF_8)));
    return new SpokeTokens(bytes);
  }

  /**
   * Whether {@code token} is {@code spoke}'s, compared in constant time: the check of a request that names its
   * spoke, one comparison however many spokes there are.
   */
  public boolean isTokenOf(String spoke, String token) {
    byte[] expected = bySpoke.get(spoke);
    return expected != null && MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8));
  }

  /** The spoke whose token this is; every token is compared, in constant time. */
  public Optional<String> spokeOf(String token) {
    byte[] given = token.getBytes(StandardCharsets.UTF_8);
    String found = null;
    for (Map.Entry<String, byte[]> e : bySpoke.entrySet()) {
      if (MessageDigest.isEqual(e.getValue(), given)) {
        found = e.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  /** The token the hub presents to {@code spoke} when it pushes a plan. */
  public Optional<String> tokenOf(String spoke) {
    return Optional.ofNullable(bySpoke.get(spoke)).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "SpokeTokens" + bySpoke.keySet();
  }
}
