package io.apollo.spoke.operator.sls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArtifactFetcherTest {
  private static final byte[] CONTENT = "the distribution's bytes".getBytes(StandardCharsets.UTF_8);
  private static final String SHA = TestArchives.sha256(CONTENT);

  @TempDir Path temp;
  private HttpServer server;
  private String base;
  private Path source;

  @BeforeEach
  void serve() throws IOException {
    source = Files.write(temp.resolve("catalog-1.0.0.tgz"), CONTENT);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/dist.tgz", ex -> {
      ex.sendResponseHeaders(200, CONTENT.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(CONTENT);
      }
    });
    server.createContext("/missing.tgz", ex -> {
      ex.sendResponseHeaders(404, -1);
      ex.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ArtifactFetcher fetcher(long maxBytes) {
    return new ArtifactFetcher(Duration.ofSeconds(10), maxBytes);
  }

  @Test
  void fetchesAFileUriAndAnHttpUriWhenTheChecksumMatches() throws IOException {
    Path fromFile = temp.resolve("from-file");
    fetcher(1 << 20).fetch(source.toUri().toString(), SHA, fromFile);
    assertThat(fromFile).hasBinaryContent(CONTENT);

    Path fromHttp = temp.resolve("from-http");
    fetcher(1 << 20).fetch(base + "/dist.tgz", "sha256:" + SHA.toUpperCase(), fromHttp);
    assertThat(fromHttp).hasBinaryContent(CONTENT);
  }

  static Stream<Arguments> badFetches() {
    return Stream.of(
        Arguments.of("checksum mismatch (file)", "FILE", "ab".repeat(32), 1 << 20, SlsReason.CHECKSUM_MISMATCH,
            "nothing was unpacked"),
        Arguments.of("checksum mismatch (http)", "/dist.tgz", "ab".repeat(32), 1 << 20, SlsReason.CHECKSUM_MISMATCH,
            "has sha256 " + SHA),
        Arguments.of("http 404", "/missing.tgz", SHA, 1 << 20, SlsReason.FETCH_FAILED, "HTTP 404"),
        Arguments.of("missing file", "file:///nonexistent/catalog.tgz", SHA, 1 << 20, SlsReason.FETCH_FAILED,
            "no such file"),
        Arguments.of("larger than the limit (file)", "FILE", SHA, 10, SlsReason.FETCH_FAILED, "larger than the limit"),
        Arguments.of("larger than the limit (http)", "/dist.tgz", SHA, 10, SlsReason.FETCH_FAILED,
            "larger than the limit"),
        Arguments.of("unsupported scheme", "ftp://example.com/catalog.tgz", SHA, 1 << 20, SlsReason.INVALID_PLAN,
            "fetches file:, http: and https:"),
        Arguments.of("sha256 not hex", "FILE", "not-a-checksum", 1 << 20, SlsReason.INVALID_PLAN, "64 hex digits"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFetches")
  void failsWithAReasonAndLeavesNoDownload(String name, String where, String sha, long maxBytes, SlsReason reason,
      String words) {
    String uri = where.equals("FILE") ? source.toUri().toString() : where.startsWith("/") ? base + where : where;
    Path target = temp.resolve("download");

    assertThatThrownBy(() -> fetcher(maxBytes).fetch(uri, sha, target))
        .isInstanceOfSatisfying(SlsFailure.class, f -> assertThat(f.reason()).isEqualTo(reason))
        .hasMessageContaining(words);
    assertThat(target).doesNotExist();
  }
}
