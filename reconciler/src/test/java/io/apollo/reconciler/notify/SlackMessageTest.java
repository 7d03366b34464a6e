package io.apollo.reconciler.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 17: an event as a Slack incoming-webhook message. */
class SlackMessageTest {
  @Test
  void aBlockedPlanReadsAsOneLineAndItsDetails() {
    String event = "{\"event\":\"plan.blocked\",\"entity\":\"production/web\",\"message\":\"outside the window\","
        + "\"plan\":{\"type\":\"upgrade\",\"fromVersion\":\"1.0.0\",\"toVersion\":\"1.1.0\",\"missingRoles\":"
        + "[\"sre\",\"vp-engineering\"],\"violations\":[{\"constraint\":\"weekend\",\"message\":\"closed until"
        + " Saturday\"}],\"unblocksAt\":\"2026-12-12T02:00:00Z\"}}";

    JsonNode slack = NotificationEvents.JSON.readTree(SlackMessage.of(event));

    assertThat(slack.path("text").asString())
        .isEqualTo("Apollo: plan.blocked production/web (upgrade 1.0.0 → 1.1.0)");
    String detail = slack.path("blocks").get(0).path("text").path("text").asString();
    assertThat(slack.path("blocks").get(0).path("text").path("type").asString()).isEqualTo("mrkdwn");
    assertThat(detail).contains("outside the window", "missing roles: sre, vp-engineering",
        "• weekend: closed until Saturday", "unblocks at 2026-12-12T02:00:00Z");
  }

  @Test
  void anInstallHasNoFromVersion() {
    String event = "{\"event\":\"plan.approved\",\"entity\":\"staging/web\",\"message\":\"\",\"plan\":{\"type\":"
        + "\"install\",\"fromVersion\":null,\"toVersion\":\"1.0.0\"}}";
    assertThat(NotificationEvents.JSON.readTree(SlackMessage.of(event)).path("text").asString())
        .isEqualTo("Apollo: plan.approved staging/web (install 1.0.0)");
  }
}
