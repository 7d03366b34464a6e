package io.apollo.core.load;

import io.apollo.core.config.Notification;
import io.apollo.core.config.NotificationEvent;
import io.apollo.core.config.NotificationTarget;
import io.apollo.core.config.Selector;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Maps {@code Notification} documents: the events by wire name, the selector as a constraint's, the target. */
final class NotificationMapper {
  private NotificationMapper() {}

  static Optional<Notification> notification(DocumentReader r) {
    Set<NotificationEvent> events = EnumSet.noneOf(NotificationEvent.class);
    List<String> names = r.strings("/spec/events");
    for (int i = 0; i < names.size(); i++) {
      // The schema's enum already refuses an unknown name; this keeps the mapping total.
      NotificationEvent.fromWireName(names.get(i)).ifPresent(events::add);
    }
    Optional<Selector> selector = r.has("/spec/selector") ? ConstraintMapper.selector(r)
        : Optional.of(Selector.everything());
    Optional<NotificationTarget> target;
    if (r.has("/spec/webhook")) {
      String text = r.string("/spec/webhook/url").orElseThrow();
      Optional<URI> url = DocumentMapper.parseUrl(text);
      if (url.isEmpty()) {
        r.problem("/spec/webhook/url", ProblemReason.INVALID_VALUE, "spec.webhook.url: '" + text
            + "' is not an http(s) URL (e.g. https://hooks.example.com/apollo)");
      }
      target = url.map(u -> new NotificationTarget.Webhook(u, r.string("/spec/webhook/secretRef").orElseThrow()));
    } else {
      target = Optional.of(new NotificationTarget.Slack(r.string("/spec/slack/urlRef").orElseThrow()));
    }
    if (selector.isEmpty() || target.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Notification(r.metadata(), events, selector.get(), target.get(), r.origin()));
  }
}
