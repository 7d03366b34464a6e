package io.apollo.cli.spoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.ProjectFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/apollo spoke} as an operator runs it: the built jar starts a spoke (its journal, SQLite's native
 * library from inside the jar), prints where it listens, serves, and stops in order on SIGTERM.
 */
class SpokeLauncherIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path temp;

  @Test
  void startsServesAndStopsOnSigterm() throws Exception {
    Path token = Files.writeString(temp.resolve("token"), "launcher-token\n");
    Process spoke = new ProcessBuilder(ProjectFiles.root().resolve("scripts/apollo").toString(), "spoke",
        "--name", "edge-1", "--hub", "http://127.0.0.1:9", "--token-file", token.toString(),
        "--port", "0", "--work-dir", temp.resolve("work").toString())
        .redirectError(temp.resolve("stderr").toFile()).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(spoke.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (java.io.IOException e) {
          return null;
        }
      }).get(60, TimeUnit.SECONDS);
      assertThat(line).as(Files.readString(temp.resolve("stderr")))
          .matches("apollo spoke: listening on http://127\\.0\\.0\\.1:\\d+");
      String url = line.substring(line.lastIndexOf(' ') + 1);

      HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/healthz")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"spoke\":\"edge-1\"");
      HttpResponse<String> noToken = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/v1/plans"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(noToken.statusCode()).isEqualTo(401);
      assertThat(temp.resolve("work/journal.db")).exists();

      spoke.destroy();
      assertThat(spoke.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
    } finally {
      spoke.destroyForcibly();
    }
  }
}
