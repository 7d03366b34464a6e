package io.apollo.reconciler.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.testing.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The web page in a real headless Chromium (Debian's, driven by playwright-core): a hub in this JVM governs a bare
 * repository made from sample-repo, the sample fleet's reports are posted, then {@code
 * src/test/browser/pages.test.mjs} opens each page and checks what a person sees (the script's own assertions; it
 * exits non-zero and names the failed check otherwise). Screenshots land in {@code target/browser/}. The hub's clock
 * stands at Tuesday 8 December 2026, 10:00 UTC: production's next Saturday-night window opens on the 12th, and the
 * holiday freeze starts on the 20th, inside the calendar's 14 days.
 */
class WebPageIT {
  static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
  private static final Path BROWSER = Path.of("src", "test", "browser");

  @TempDir Path temp;

  @Test
  void aPersonSeesTheFleetThePlansTheCalendarAndTheStatus() throws Exception {
    GitFixture git = GitFixture.fromSampleRepo(temp);
    // Staging's spoke polls here: nothing listens on the sample's url, and the page does not depend on dispatch.
    git.edit("environments/staging.yaml", "      url: http://127.0.0.1:8181\n", "")
        .commitAll(GitFixture.ALICE, "Staging's spoke polls the hub");
    git.push();
    Path tokens = Files.writeString(temp.resolve("spoke-tokens"),
        "staging-spoke-1 tok-staging\nproduction-spoke-1 tok-prod\n");
    HubOptions options = new HubOptions(git.remote().toString(), "main", git.newFolder("hub-data"), "127.0.0.1", 0,
        tokens, Duration.ofSeconds(1), "Apollo Hub", "hub@apollo.invalid", HubOptions.DEFAULT_MAX_BODY_BYTES,
        Optional.empty());
    try (Hub hub = Hub.start(options, HubMain::openGit, new MutableClock(NOW))) {
      HubClient client = new HubClient(hub.url());
      JsonNode reports = HubClient.JSON.readTree(Files.readString(Path.of("..", "docs", "examples",
          "sample-reported-state.json"))).path("reports");
      for (JsonNode report : reports) {
        String spoke = report.path("spoke").asString();
        String token = spoke.startsWith("staging") ? "tok-staging" : "tok-prod";
        int status = HubClient.eventually("the hub to take " + spoke + "'s report", () -> {
          int s = client.report(spoke, token, report.toString()).status();
          return s == 503 ? Optional.empty() : Optional.of(s);
        });
        assertThat(status).as(spoke + "'s report").isEqualTo(202);
      }
      HubClient.eventually("a blocked production plan", () -> client.get("/v1/plans?state=BLOCKED"
          + "&environment=production").body().path("plans").values().stream().findFirst());

      // Issue 17: someone edits a plan file on main by hand; the status and the plan's page say so.
      JsonNode onMain = HubClient.eventually("a plan committed to main", () -> client.get("/v1/plans").body()
          .path("plans").values().stream().filter(p -> p.path("git").asString().equals("ON_MAIN")).findFirst());
      String planPath = onMain.path("path").asString();
      git.pull();
      String edited = git.read(planPath).replaceFirst("(?m)^(\\s+toVersion:).*$", "$1 9.9.9");
      git.write(planPath, edited).commitAll(GitFixture.BOB, "Edit a plan file by hand");
      git.push();
      HubClient.eventually("the edit to show on the status", () -> Optional.of(client.get("/v1/status").body())
          .filter(st -> st.path("planFileEdits").size() == 1));

      assertThat(client.text("/")).contains("<script type=\"module\" src=\"/ui/app.mjs\">");
      HubClient.Answer noFile = client.get("/ui/secrets.txt");
      assertThat(noFile.status()).isEqualTo(404);
      assertThat(noFile.body().path("error").asString()).isEqualTo("not_found");
      HubClient.Answer badDays = client.get("/v1/forecast?days=400");
      assertThat(badDays.status()).isEqualTo(400);
      assertThat(badDays.body().path("message").asString()).contains("days=400");

      Path out = Path.of("target", "browser").toAbsolutePath();
      Files.createDirectories(out);
      ProcessBuilder pb = new ProcessBuilder("node", "pages.test.mjs").directory(BROWSER.toFile())
          .redirectErrorStream(true).redirectOutput(out.resolve("pages.log").toFile());
      pb.environment().put("HUB_URL", hub.url().toString());
      pb.environment().put("HUB_NOW", NOW.toString());
      pb.environment().put("PROD_TOKEN", "tok-prod");
      pb.environment().put("OUT_DIR", out.toString());
      pb.environment().put("EDITED_PLAN", onMain.path("id").asString());
      Process node = pb.start();
      try {
        boolean ended = node.waitFor(100, TimeUnit.SECONDS);
        String log = Files.readString(out.resolve("pages.log"), StandardCharsets.UTF_8);
        assertThat(ended).as("the browser tests to end within 100 s; their log:\n" + log).isTrue();
        assertThat(node.exitValue()).as("the browser tests' exit code; their log:\n" + log).isZero();
        assertThat(log).contains("ok fleet", "ok entity", "ok not-found", "ok plans", "ok calendar", "ok status",
            "ok live", "ok console", "ok edited");
        for (String shot : List.of("fleet.png", "calendar.png", "plans.png", "entity.png", "status.png",
            "fleet-phone.png")) {
          assertThat(out.resolve(shot)).as("screenshot " + shot).isNotEmptyFile();
        }
      } finally {
        node.descendants().forEach(ProcessHandle::destroyForcibly);
        node.destroyForcibly();
      }
    }
  }
}
