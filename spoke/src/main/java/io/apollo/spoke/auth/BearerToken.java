package io.apollo.spoke.auth;

import io.apollo.spoke.SpokeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The bearer token this spoke shares with the hub, read from {@code --token-file}. Compared in constant time; never
 * printed ({@link #toString} hides it).
 */
public final class BearerToken {
  private final byte[] token;

  private BearerToken(byte[] token) {
    this.token = token;
  }

  /** Reads the first line of {@code file}, trimmed; refuses a missing or empty file with what to do. */
  public static BearerToken read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
    } catch (IOException e) {
      throw new SpokeException("--token-file: cannot read " + file + " (" + e.getMessage()
          + "); give a file holding the token the hub lists for this spoke in its --spoke-tokens file", e);
    }
    if (text.isEmpty()) {
      throw new SpokeException("--token-file: " + file + " is empty; put the spoke's token on its first line");
    }
    return new BearerToken(text.getBytes(StandardCharsets.UTF_8));
  }

  public static BearerToken of(String token) {
    return new BearerToken(token.getBytes(StandardCharsets.UTF_8));
  }

  /** True when {@code authorization} is {@code Bearer <this token>}; takes the same time whatever the mismatch. */
  public boolean admits(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token);
  }

  /** The {@code Authorization} header value for calls to the hub. */
  public String header() {
    return "Bearer " + new String(token, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "BearerToken[hidden]";
  }
}
