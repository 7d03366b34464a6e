package io.apollo.reconciler.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.api.GitWebhookTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19: a running hub takes push notifications from GitHub ({@code X-Hub-Signature-256}), Gitea
 * ({@code X-Gitea-Signature}) and GitLab ({@code X-Gitlab-Token}) when they carry the webhook secret, and refuses
 * (401) each when they do not, over real HTTP. Payloads are shaped as each server sends them
 * ({@code src/test/resources/webhooks/}).
 */
class HubWebhooksIT {
  @TempDir Path temp;

  @Test
  void eachServersNotificationIsTakenWhenSignedAndRefusedWhenNot() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      String commit = HubClient.eventually("a first commit", () -> Optional.of(h.client.get("/v1/status").body())
          .filter(s -> s.path("commit").isString())).path("commit").asString();
      String gitea = payload("gitea-push.json", commit);
      String gitlab = payload("gitlab-push.json", commit);
      String github = "{\"ref\":\"refs/heads/main\",\"after\":\"" + commit + "\"}";
      String secret = HubHarness.WEBHOOK_SECRET;

      assertTaken(h.client.hook("X-Hub-Signature-256", "sha256=" + hmac(secret, github), github));
      assertRefused(h.client.hook("X-Hub-Signature-256", "sha256=" + hmac("other", github), github));
      assertRefused(h.client.hook("X-Hub-Signature-256", "sha256=" + hmac(secret, github), github + " "));

      assertTaken(h.client.hook("X-Gitea-Signature", hmac(secret, gitea), gitea));
      assertRefused(h.client.hook("X-Gitea-Signature", hmac("other", gitea), gitea));
      assertRefused(h.client.hook("X-Gitea-Signature", hmac(secret, gitea), gitea.replace("alice", "mallory")));

      assertTaken(h.client.hook("X-Gitlab-Token", secret, gitlab));
      assertRefused(h.client.hook("X-Gitlab-Token", secret + "-not", gitlab));
      assertRefused(h.client.hook("X-Gitlab-Token", "", gitlab));

      assertRefused(h.client.hook(null, null, gitlab));
      assertThat(h.client.hook("X-Gitlab-Token", secret, gitlab.replace(commit, "0".repeat(40))).body()
          .path("fetch").asBoolean()).as("a push of another commit asks for a fetch").isTrue();
    }
  }

  private static void assertTaken(HubClient.Answer answer) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
    assertThat(answer.body().path("accepted").asBoolean()).isTrue();
    assertThat(answer.body().path("fetch").asBoolean()).as("the commit named already governs").isFalse();
  }

  private static void assertRefused(HubClient.Answer answer) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(401);
    JsonNode body = answer.body();
    assertThat(body.path("error").asString()).isEqualTo("bad_signature");
    assertThat(body.path("message").asString()).contains("X-Gitlab-Token").contains("X-Gitea-Signature")
        .doesNotContain(HubHarness.WEBHOOK_SECRET);
  }

  private static String payload(String name, String commit) throws Exception {
    try (var in = HubWebhooksIT.class.getResourceAsStream("/webhooks/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("AFTER", commit);
    }
  }

  private static String hmac(String secret, String body) {
    return HexFormat.of().formatHex(GitWebhookTest.hmac(secret, body));
  }
}
