package io.apollo.core.config;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A notification ({@code kind: Notification}): which events to send, about which entities (a selector like a
 * constraint's), and where.
 */
public record Notification(Metadata metadata, Set<NotificationEvent> events, Selector selector,
    NotificationTarget target, Origin origin) {
  public Notification {
    Objects.requireNonNull(metadata, "metadata");
    events = events.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(events));
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(origin, "origin");
  }

  public String name() {
    return metadata.name();
  }

  /** Whether this notification wants {@code event} about {@code entity}. */
  public boolean wants(NotificationEvent event, Entity entity) {
    return events.contains(event) && selector.matches(entity);
  }
}
