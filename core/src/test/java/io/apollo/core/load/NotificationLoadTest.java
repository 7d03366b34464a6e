package io.apollo.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.Notification;
import io.apollo.core.config.NotificationEvent;
import io.apollo.core.config.NotificationTarget;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 17: the {@code Notification} kind loads, and every way of getting it wrong is a problem at its line. */
class NotificationLoadTest {
  private static final ConfigLoader LOADER = ConfigLoader.withDefaults();
  private static final String HEAD = "apiVersion: apollo/v1\nkind: Notification\nmetadata:\n  name: n\nspec:\n";

  @Test
  void loadsAWebhookAndASlackNotification() {
    MemorySource source = new MemorySource().put("notifications/a.yaml", HEAD + """
          events: [plan.proposed, plan.blocked, rollout.halted]
          selector:
            environments: [production]
            labels: {team: shop}
          webhook:
            url: https://hooks.example.com/apollo
            secretRef: shop-hook
        ---
        apiVersion: apollo/v1
        kind: Notification
        metadata:
          name: sre-slack
        spec:
          events: [plan.failed]
          slack:
            urlRef: slack-sre
        """);

    LoadResult result = LOADER.load(source);

    assertThat(result.problems()).isEmpty();
    assertThat(result.state().notifications()).extracting(Notification::name).containsExactly("n", "sre-slack");
    Notification hook = result.state().notifications().getFirst();
    assertThat(hook.events()).containsExactlyInAnyOrder(NotificationEvent.PLAN_PROPOSED,
        NotificationEvent.PLAN_BLOCKED, NotificationEvent.ROLLOUT_HALTED);
    assertThat(hook.selector().environments()).containsExactly("production");
    assertThat(hook.target()).isEqualTo(new NotificationTarget.Webhook(URI.create("https://hooks.example.com/apollo"),
        "shop-hook"));
    assertThat(result.state().notifications().get(1).target()).isEqualTo(new NotificationTarget.Slack("slack-sre"));
    assertThat(result.state().notifications().get(1).selector().environments()).as("no selector: everything")
        .isEmpty();
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of("an unknown event", "  events: [plan.exploded]\n  slack: {urlRef: s}\n", "events"),
        Arguments.of("no events", "  events: []\n  slack: {urlRef: s}\n", "events"),
        Arguments.of("no target", "  events: [plan.failed]\n", "spec"),
        Arguments.of("two targets", "  events: [plan.failed]\n  slack: {urlRef: s}\n"
            + "  webhook: {url: 'https://h.example.com', secretRef: s}\n", "spec"),
        Arguments.of("a secret written in the file", "  events: [plan.failed]\n"
            + "  webhook: {url: 'https://h.example.com', secret: hunter2}\n", "webhook"),
        Arguments.of("a webhook without its secret", "  events: [plan.failed]\n"
            + "  webhook: {url: 'https://h.example.com'}\n", "webhook"),
        Arguments.of("a webhook url that is not http", "  events: [plan.failed]\n"
            + "  webhook: {url: 'ftp://h.example.com', secretRef: s}\n", "spec.webhook.url"),
        Arguments.of("a Slack URL written in the file", "  events: [plan.failed]\n"
            + "  slack: {url: 'https://hooks.slack.com/services/T/B/x'}\n", "slack"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void aBrokenNotificationIsAProblemAtItsFileAndLine(String name, String spec, String mentioned) {
    LoadResult result = LOADER.load(new MemorySource().put("notifications/bad.yaml", HEAD + spec));

    assertThat(result.state().notifications()).as(name).isEmpty();
    assertThat(result.problems()).as(name).isNotEmpty()
        .allSatisfy(p -> assertThat(p.toString()).startsWith("notifications/bad.yaml:"));
    assertThat(result.problems().toString()).as(name).contains(mentioned);
  }

  @Test
  void aDuplicateNameIsAProblemAndNeitherCopyIsUsed() {
    String doc = HEAD + "  events: [plan.failed]\n  slack: {urlRef: s}\n";
    LoadResult result = LOADER.load(new MemorySource().put("a.yaml", doc).put("b.yaml", doc));

    assertThat(result.state().notifications()).isEmpty();
    assertThat(result.problems().toString()).contains("notification");
  }
}
