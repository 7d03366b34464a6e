package io.apollo.reconciler.notify;

import io.apollo.reconciler.store.HubStore;
import io.apollo.reconciler.store.NotificationDelivery;
import io.apollo.reconciler.store.StaleEpochException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the store's notification outbox at least once. Runs on its own virtual thread (blocking JDBC and HTTP,
 * never on an event loop): each round, while this hub leads, it takes the deliveries that are due, sends each, and
 * records the outcome under the hub's fencing epoch (a deposed hub's record is refused). A receiver sees each
 * delivery's idempotency key in {@code X-Apollo-Delivery}: a retry after a lost answer, or after a hub killed
 * between sending and recording, carries the same key. A follower sends nothing and only reads the counts.
 */
public final class NotificationSender implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
  /** How often the outbox is looked at when no pass wakes the sender. */
  static final Duration TICK = Duration.ofMillis(500);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final int BATCH = 50;
  private static final int DEAD_SHOWN = 20;

  private final HubStore store;
  private final NotificationSecrets secrets;
  private final BooleanSupplier leads;
  private final Clock clock;
  private final DeliveryOutcome outcome;
  private final HttpClient http;
  private final Semaphore wake = new Semaphore(0);
  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final RandomGenerator random = RandomGenerator.getDefault();
  private volatile OutboxStatus status = OutboxStatus.empty();
  private volatile boolean running = true;
  private final Thread thread;

  public NotificationSender(HubStore store, NotificationSecrets secrets, BooleanSupplier leads, Clock clock,
      int maxAttempts) {
    this.store = store;
    this.secrets = secrets;
    this.leads = leads;
    this.clock = clock;
    this.outcome = DeliveryOutcome.defaults(maxAttempts);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.thread = Thread.ofVirtual().name("apollo-notify").unstarted(this::run);
  }

  public NotificationSender start() {
    thread.start();
    return this;
  }

  /** Asks for a round now (a pass wrote deliveries). */
  public void wake() {
    wake.release();
  }

  public OutboxStatus status() {
    return status;
  }

  private void run() {
    while (running) {
      try {
        if (leads.getAsBoolean()) {
          deliverDue();
        }
        status = new OutboxStatus(store.deliveryCounts(), store.deadLetters(DEAD_SHOWN), attempts.get(),
            failed.get());
      } catch (StaleEpochException e) {
        LOG.info("Another hub leads now; this one stops sending notifications: {}", e.getMessage());
      } catch (RuntimeException e) {
        LOG.warn("Notification round failed; trying again: {}", e.getMessage());
      }
      try {
        wake.tryAcquire(TICK.toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void deliverDue() {
    for (NotificationDelivery d : store.dueDeliveries(clock.instant(), BATCH)) {
      if (!running || !leads.getAsBoolean()) {
        return;
      }
      store.recordDelivery(attempt(d));
    }
  }

  /** One try of one delivery: what the store should record about it. */
  private NotificationDelivery attempt(NotificationDelivery d) {
    Optional<String> secret = secrets.secret(d.secretRef());
    if (secret.isEmpty()) {
      LOG.warn("Notification {} names secret {}, which --notification-secrets does not hold: dead-lettered",
          d.notification(), d.secretRef());
      return outcome.failed(d, clock.instant(), "SECRET_MISSING: secret '" + d.secretRef() + "' of notification "
          + d.notification() + " is not in the hub's --notification-secrets file", true, random);
    }
    boolean slack = d.target().equals("slack");
    byte[] body = (slack ? SlackMessage.of(d.body()) : d.body()).getBytes(StandardCharsets.UTF_8);
    attempts.incrementAndGet();
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(slack ? secret.get() : d.url()))
          .timeout(REQUEST_TIMEOUT)
          .header("Content-Type", "application/json")
          .header(Signature.DELIVERY_HEADER, d.id())
          .header(Signature.EVENT_HEADER, d.event())
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (!slack) {
        request.header(Signature.HEADER, Signature.of(secret.get(), body));
      }
      HttpResponse<Void> answer = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      if (answer.statusCode() / 100 == 2) {
        LOG.info("Notification {}: {} {} delivered ({})", d.notification(), d.event(), d.subject(), d.id());
        return outcome.delivered(d, clock.instant());
      }
      failed.incrementAndGet();
      return outcome.failed(d, clock.instant(), "HTTP_" + answer.statusCode() + ": the receiver answered "
          + answer.statusCode(), false, random);
    } catch (java.io.IOException | IllegalArgumentException e) {
      failed.incrementAndGet();
      return outcome.failed(d, clock.instant(), "UNREACHABLE: " + e.getClass().getSimpleName() + ": "
          + e.getMessage(), false, random);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
      return outcome.failed(d, clock.instant(), "INTERRUPTED: the hub stopped mid-delivery", false, random);
    }
  }

  @Override
  public void close() {
    running = false;
    wake.release();
    try {
      thread.join(Duration.ofSeconds(15));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.close();
  }
}
