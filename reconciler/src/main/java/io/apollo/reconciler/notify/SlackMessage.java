package io.apollo.reconciler.notify;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An event as a Slack incoming-webhook message: a one-line {@code text} and a section block with the details. */
final class SlackMessage {
  private SlackMessage() {}

  static String of(String eventJson) {
    JsonNode e = NotificationEvents.JSON.readTree(eventJson);
    JsonNode plan = e.path("plan");
    String version = plan.path("fromVersion").isString()
        ? plan.path("fromVersion").asString() + " → " + plan.path("toVersion").asString("")
        : plan.path("toVersion").asString("");
    String text = "Apollo: " + e.path("event").asString() + " " + e.path("entity").asString() + " ("
        + plan.path("type").asString("") + " " + version + ")";
    StringBuilder detail = new StringBuilder("*" + text + "*\n" + e.path("message").asString(""));
    if (plan.path("missingRoles").size() > 0) {
      detail.append("\nmissing roles: ").append(join(plan.path("missingRoles")));
    }
    plan.path("violations").values().forEach(v -> detail.append("\n• ").append(v.path("constraint").asString())
        .append(": ").append(v.path("message").asString()));
    if (plan.path("unblocksAt").isString()) {
      detail.append("\nunblocks at ").append(plan.path("unblocksAt").asString());
    }
    ObjectNode root = NotificationEvents.JSON.createObjectNode();
    root.put("text", text);
    ObjectNode section = root.putArray("blocks").addObject();
    section.put("type", "section");
    section.putObject("text").put("type", "mrkdwn").put("text", detail.toString());
    return root.toString();
  }

  private static String join(JsonNode list) {
    StringBuilder out = new StringBuilder();
    list.values().forEach(v -> out.append(out.isEmpty() ? "" : ", ").append(v.asString()));
    return out.toString();
  }
}
