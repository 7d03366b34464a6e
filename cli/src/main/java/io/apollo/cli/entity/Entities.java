package io.apollo.cli.entity;

import io.apollo.cli.output.Json;
import io.apollo.core.config.Entity;
import io.apollo.core.config.Presence;
import tools.jackson.databind.node.ObjectNode;

/** An entity's desired state in words and as JSON, as the entity commands print it without a hub. */
final class Entities {
  private Entities() {}

  /** {@code 1.2.0 (pinned)}, {@code channel stable}, or {@code absent}. */
  static String desired(Entity e) {
    if (e.state() == Presence.ABSENT) {
      return "absent (uninstall)";
    }
    return e.version().map(v -> v + " (pinned)").orElseGet(() -> "channel " + e.channel().orElseThrow());
  }

  static ObjectNode json(Entity e) {
    ObjectNode node = Json.object();
    node.put("id", e.id().toString());
    node.put("product", e.product().toString());
    node.put("environment", e.environment());
    node.put("spoke", e.spoke());
    e.version().ifPresentOrElse(v -> node.put("desiredVersion", v.toString()), () -> node.putNull("desiredVersion"));
    e.channel().ifPresentOrElse(c -> node.put("channel", c.wireName()), () -> node.putNull("channel"));
    node.put("file", e.origin().toString());
    return node;
  }
}
