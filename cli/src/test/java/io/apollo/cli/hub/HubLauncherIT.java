package io.apollo.cli.hub;

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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/apollo hub} as a person runs it against a repository of their own: a real process on a free port,
 * found by the one line it prints, answering curl-like requests, and stopping on SIGTERM.
 */
class HubLauncherIT {
  private static final String TOKEN = "launcher-token-0123456789";

  @TempDir Path temp;

  @Test
  void aHubStartsOnAFreePortGovernsTheRepositoryAndStopsOnSigterm() throws Exception {
    Path repo = ProjectFiles.copySampleRepo(temp.resolve("fleet"));
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", "-A");
    git(repo, "-c", "user.name=Alice", "-c", "user.email=alice.nguyen@example.com", "commit", "-q", "-m", "fleet");
    Path tokens = Files.writeString(temp.resolve("spoke-tokens"), "staging-spoke-1 " + TOKEN + "\n");
    Path stderr = temp.resolve("hub.err");
    Process hub = new ProcessBuilder(ProjectFiles.root().resolve("scripts/apollo").toString(), "hub",
        "--repo", repo.toString(), "--data-dir", temp.resolve("data").toString(), "--spoke-tokens",
        tokens.toString(), "--port", "0", "--poll-interval", "1s")
        .redirectError(stderr.toFile()).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as("first line of stdout; stderr: " + Files.readString(stderr))
          .startsWith("apollo hub: listening on http://127.0.0.1:");
      String url = line.substring("apollo hub: listening on ".length());

      HttpClient http = HttpClient.newHttpClient();
      Instant deadline = Instant.now().plusSeconds(60);
      String status = "";
      while (!status.contains("\"commit\":\"") && Instant.now().isBefore(deadline)) {
        status = get(http, url + "/v1/status");
        Thread.sleep(200);
      }
      assertThat(status).contains("\"commit\":\"").contains("\"problems\":[]");
      HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create(url
          + "/v1/spokes/staging-spoke-1/reports")).header("Authorization", "Bearer " + TOKEN)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
              "{\"spoke\":\"staging-spoke-1\",\"reportedAt\":\"" + Instant.now() + "\",\"entities\":[]}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(report.statusCode()).as(report.body()).isEqualTo(202);
      String plans = "";
      while (!plans.contains("staging/") && Instant.now().isBefore(deadline)) {
        plans = get(http, url + "/v1/plans?environment=staging");
        Thread.sleep(200);
      }
      assertThat(plans).contains("\"entity\":\"staging/postgres-db\"").contains("\"type\":\"install\"");
    } finally {
      hub.destroy();
      assertThat(hub.waitFor(30, TimeUnit.SECONDS)).as("the hub stops on SIGTERM").isTrue();
      hub.destroyForcibly();
    }
    String log = Files.readString(stderr);
    assertThat(log).contains("Hub governing branch main").contains("Pass 1: loaded commit")
        .doesNotContain(TOKEN);
  }

  private static String get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(git.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
  }
}
