package io.apollo.spoke.operator.helm;

import io.apollo.core.report.Health;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A release as {@code helm status --output json} shows it: its current revision, helm's status of that revision,
 * its description, and the chart's version and app version.
 */
record ReleaseStatus(int revision, String status, String description, String chartVersion, String appVersion) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Parses helm's JSON; throws {@link IllegalArgumentException} naming what was wrong. */
  static ReleaseStatus parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("helm status printed no JSON: " + e.getOriginalMessage());
    }
    JsonNode info = root.path("info");
    JsonNode chart = root.path("chart").path("metadata");
    if (!info.isObject()) {
      throw new IllegalArgumentException("helm status printed JSON without 'info'");
    }
    return new ReleaseStatus(root.path("version").asInt(), info.path("status").asString(""),
        info.path("description").asString(""), chart.path("version").asString(""),
        chart.path("appVersion").asString(""));
  }

  /**
   * Health from helm's status: {@code deployed} (helm waited for the resources to be ready) is healthy,
   * {@code failed} unhealthy, anything else ({@code pending-install}, {@code pending-upgrade},
   * {@code pending-rollback}, {@code uninstalling}, {@code superseded}, {@code unknown}) not known yet.
   */
  Health health() {
    return switch (status) {
      case "deployed" -> Health.HEALTHY;
      case "failed" -> Health.UNHEALTHY;
      default -> Health.UNKNOWN;
    };
  }
}
