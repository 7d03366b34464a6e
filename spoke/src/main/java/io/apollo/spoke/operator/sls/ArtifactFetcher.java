package io.apollo.spoke.operator.sls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Fetches a release artifact ({@code file:}, {@code http:} or {@code https:}) into a download folder and proves its
 * sha256 before anyone reads it: the file is hashed while it is written, and a mismatch deletes it.
 */
final class ArtifactFetcher {
  private final HttpClient http;
  private final Duration timeout;
  private final long maxBytes;

  ArtifactFetcher(Duration timeout, long maxBytes) {
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    this.http = HttpClient.newBuilder()
        .connectTimeout(timeout.compareTo(Duration.ofSeconds(30)) < 0 ? timeout : Duration.ofSeconds(30))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /**
   * Copies {@code uri} to {@code target} (which must not exist) and checks it against {@code sha256} (hex, any
   * case). On any failure {@code target} is gone and an {@link SlsFailure} says why.
   */
  void fetch(String uri, String sha256, Path target) {
    String expected = normalized(sha256);
    if (!expected.matches("[0-9a-f]{64}")) {
      throw new SlsFailure(SlsReason.INVALID_PLAN, "artifact sha256 '" + sha256 + "' is not 64 hex digits");
    }
    String actual;
    try {
      actual = copyHashing(uri, target);
    } catch (IOException e) {
      deleteQuietly(target);
      throw new SlsFailure(SlsReason.FETCH_FAILED, "could not fetch " + uri + ": " + describe(e), e);
    } catch (SlsFailure e) {
      deleteQuietly(target);
      throw e;
    } catch (InterruptedException e) {
      deleteQuietly(target);
      Thread.currentThread().interrupt();
      throw new SlsFailure(SlsReason.FETCH_FAILED, "interrupted while fetching " + uri, e);
    }
    if (!actual.equals(expected)) {
      deleteQuietly(target);
      throw new SlsFailure(SlsReason.CHECKSUM_MISMATCH, "artifact " + uri + " has sha256 " + actual
          + " but the release names " + expected + "; nothing was unpacked (republish the release or fix its sha256)");
    }
  }

  private String copyHashing(String uri, Path target) throws IOException, InterruptedException {
    URI parsed;
    try {
      parsed = URI.create(uri);
    } catch (IllegalArgumentException e) {
      throw new SlsFailure(SlsReason.INVALID_PLAN, "artifact uri '" + uri + "' is not a URI: " + e.getMessage());
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "file" -> {
        Path source = Path.of(parsed);
        if (Files.size(source) > maxBytes) {
          throw tooLarge(uri);
        }
        try (InputStream in = Files.newInputStream(source)) {
          yield copy(in, target, uri);
        }
      }
      case "http", "https" -> {
        HttpRequest request = HttpRequest.newBuilder(parsed).timeout(timeout).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
          if (response.statusCode() != 200) {
            throw new SlsFailure(SlsReason.FETCH_FAILED,
                "could not fetch " + uri + ": HTTP " + response.statusCode()
                    + " (is the release's artifact uri right?)");
          }
          yield copy(in, target, uri);
        }
      }
      default -> throw new SlsFailure(SlsReason.INVALID_PLAN,
          "artifact uri '" + uri + "' has scheme '" + scheme + "'; the sls operator fetches file:, http: and https:");
    };
  }

  private String copy(InputStream in, Path target, String uri) throws IOException {
    MessageDigest sha = sha256();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge(uri);
        }
        sha.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private SlsFailure tooLarge(String uri) {
    return new SlsFailure(SlsReason.FETCH_FAILED, "artifact " + uri + " is larger than the limit of " + maxBytes
        + " bytes");
  }

  /** Lower-case hex, without the {@code sha256:} prefix some tools write. */
  static String normalized(String sha256) {
    String s = sha256.trim().toLowerCase(Locale.ROOT);
    return s.startsWith("sha256:") ? s.substring("sha256:".length()) : s;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static String describe(IOException e) {
    return e instanceof NoSuchFileException ? "no such file " + e.getMessage() : e.toString();
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // Best effort: a leftover partial download is replaced by the next attempt (the name is unique per plan).
    }
  }
}
