package io.apollo.reconciler.hub;

import static io.apollo.reconciler.hub.HubHarness.PROD_TOKEN;
import static io.apollo.reconciler.hub.HubHarness.STAGING_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.reconciler.testing.GitFixture;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The API's refusals and read endpoints, against a real hub and repository (DESIGN.md section 5). */
class HubApiIT {
  @TempDir Path temp;

  @Test
  void reportsAreHeldToTheirSpokeAndTheSchema() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      String staging = Reports.of("staging-spoke").running("staging/web", "com.example:web", "1.0.0").json();
      assertThat(h.report("staging-spoke", STAGING_TOKEN, Reports.of("staging-spoke"))).isEqualTo(202);

      assertError(h.client.report("staging-spoke", null, staging), 401, "no_token");
      assertError(h.client.report("staging-spoke", "not-a-token", staging), 401, "bad_token");
      assertError(h.client.report("staging-spoke", PROD_TOKEN, staging), 403, "wrong_spoke");
      String elsewhere = Reports.of("staging-spoke").running("production/web", "com.example:web", "1.0.0").json();
      HubClient.Answer notOnSpoke = h.client.report("staging-spoke", STAGING_TOKEN, elsewhere);
      assertError(notOnSpoke, 403, "entity_not_on_spoke");
      assertThat(notOnSpoke.body().path("message").asString()).contains("production/web")
          .contains("prod-spoke");
      HubClient.Answer malformed = h.client.report("staging-spoke", STAGING_TOKEN, "{\"spoke\": \"staging-spoke\","
          + " \"entities\": [{\"entity\": \"staging/web\", \"state\": \"SIDEWAYS\"}]}");
      assertError(malformed, 400, "bad_request");
      assertThat(malformed.body().path("message").asString()).contains("state");
      assertError(h.client.report("staging-spoke", STAGING_TOKEN, "{not json"), 400, "bad_request");
      String otherEnvironment = Reports.of("staging-spoke").running("production/cache", "com.example:web", "1.0.0")
          .json();
      assertError(h.client.report("staging-spoke", STAGING_TOKEN, otherEnvironment), 403, "entity_not_on_spoke");
      String orphan = Reports.of("staging-spoke").running("staging/old-web", "com.example:web", "1.0.0").json();
      assertThat(h.client.report("staging-spoke", STAGING_TOKEN, orphan).status())
          .as("an entity whose definition was deleted may still run, and be reported").isEqualTo(202);
      assertError(h.client.report("ghost-spoke", "tok-ghost", Reports.of("ghost-spoke").json()), 403,
          "spoke_not_in_desired_state");
      assertError(h.client.report("staging-spoke", STAGING_TOKEN, "text/plain", staging), 415,
          "unsupported_media_type");
      assertError(h.client.report("staging-spoke", STAGING_TOKEN, "x".repeat(70 * 1024)), 413, "too_large");
      assertError(h.client.getAs("/v1/spokes/staging-spoke/plans", PROD_TOKEN), 403, "wrong_spoke");
      assertError(h.client.getAs("/v1/spokes/prod-spoke/plans?wait=soon", PROD_TOKEN), 400, "bad_request");

      assertThat(h.client.report("staging-spoke", STAGING_TOKEN, staging).status()).isEqualTo(202);
      JsonNode spoke = HubClient.eventually("staging-spoke's report to show", () -> h.client.get("/v1/spokes")
          .body().path("spokes").values().stream().filter(s -> s.path("name").asString().equals("staging-spoke")
              && s.path("lastReportAt").isString()).findFirst());
      assertThat(spoke.path("mode").asString()).isEqualTo("push");
      String metrics = h.client.text("/metrics");
      assertThat(metrics).contains("apollo_reports_received_total 3.0")
          .contains("apollo_reports_refused_total{reason=\"too_large\"} 1.0")
          .contains("apollo_reports_refused_total{reason=\"bad_token\"} 1.0")
          .contains("apollo_reports_refused_total{reason=\"unsupported_media_type\"} 1.0");
      assertThat(spoke.path("entities").values().stream().map(JsonNode::asString).toList())
          .containsExactly("staging/web");
    }
  }

  @Test
  void theReadApiAnswersAndRefusesBadQueries() throws Exception {
    try (HubHarness h = HubHarness.start(temp, TestRepo::open)) {
      JsonNode status = HubClient.eventually("a first commit", () -> Optional.of(h.client.get("/v1/status").body())
          .filter(s -> s.path("commit").isString()));
      assertThat(status.path("commit").asString()).isEqualTo(h.git.remoteHead("main").orElseThrow());
      assertThat(status.path("problems").size()).isZero();
      assertThat(h.client.get("/healthz").status()).isEqualTo(200);
      String push = "{\"ref\":\"refs/heads/main\"}";
      String signature = "sha256=" + java.util.HexFormat.of().formatHex(
          io.apollo.reconciler.api.GitWebhookTest.hmac(HubHarness.WEBHOOK_SECRET, push));
      assertThat(h.client.hook(signature, push).status()).isEqualTo(202);
      assertError(h.client.hook(null, push), 401, "bad_signature");
      assertError(h.client.hook(signature, push + " "), 401, "bad_signature");
      String metrics = h.client.text("/metrics");
      assertThat(metrics).contains("apollo_plans{state=\"PENDING\"} 0.0").contains("apollo_entities 3.0")
          .contains("# TYPE apollo_reconcile_pass_seconds histogram").contains("apollo_git_fetch_seconds_count")
          .contains("apollo_governing_commit_age_seconds");
      assertThat(h.client.get("/healthz").body().path("status").asString()).isEqualTo("ok");
      assertThat(h.client.get("/v1/status").body().path("health").asString()).isEqualTo("ok");

      JsonNode entities = h.client.get("/v1/entities?environment=production").body().path("entities");
      assertThat(entities.size()).isEqualTo(2);
      assertThat(entities.get(0).path("awaiting").asString()).contains("prod-spoke has not reported");
      assertThat(h.client.get("/v1/products").body().path("products").size()).isEqualTo(2);
      assertThat(h.client.get("/v1/releases?product=com.example:web").body().path("releases").size()).isEqualTo(3);
      assertThat(h.client.get("/v1/plans?state=pending").status()).isEqualTo(200);

      assertError(h.client.get("/v1/plans?state=SIDEWAYS"), 400, "bad_request");
      assertError(h.client.get("/v1/plans?environment=moon"), 400, "bad_request");
      assertError(h.client.get("/v1/plans?entity=no-slash"), 400, "bad_request");
      assertError(h.client.get("/v1/entities?state=ASLEEP"), 400, "bad_request");
      assertError(h.client.get("/v1/releases?product=nocolon"), 400, "bad_request");
      assertError(h.client.get("/v1/releases?product=com.example:nothing"), 404, "not_found");
      assertError(h.client.get("/v1/plans/pl-0000000000000000"), 404, "not_found");
      assertError(h.client.get("/v1/entities/production/nothing"), 404, "not_found");
      assertError(h.client.get("/v2/anything"), 404, "not_found");

      // A broken file: the problem is shown as path:line:col, and the rest still governs.
      h.git.commitAndPush(GitFixture.BOB, "A typo", Map.of("products/broken.yaml",
          "apiVersion: apollo/v1\nkind: Product\nmetadata:\n  name: com.example:broken\nspec:\n  criticality: huge\n"));
      JsonNode broken = HubClient.eventually("the problem to show", () -> Optional.of(h.client.get("/v1/status")
          .body()).filter(s -> s.path("problems").size() > 0));
      assertThat(broken.path("problems").get(0).asString()).startsWith("products/broken.yaml:6:");
      assertThat(h.client.get("/v1/entities").body().path("entities").size()).isEqualTo(3);
    }
  }

  private static void assertError(HubClient.Answer answer, int status, String error) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
    assertThat(answer.body().path("error").asString()).isEqualTo(error);
    assertThat(answer.body().path("message").asString()).isNotBlank();
  }
}
