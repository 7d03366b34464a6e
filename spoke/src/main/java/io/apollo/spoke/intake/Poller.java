package io.apollo.spoke.intake;

import io.apollo.core.ApolloException;
import io.apollo.core.wire.PlanMessage;
import io.apollo.core.wire.PlanMessageJson;
import io.apollo.spoke.SpokeException;
import io.apollo.spoke.hub.HubClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Poll mode (DESIGN.md section 5): long-polls {@code GET {hub}/v1/spokes/{name}/plans?wait=...} on its own virtual
 * thread and hands every plan to the {@link PlanDesk}. The hub keeps handing a plan out until a report names it as
 * {@code lastPlanId}, so most plans arrive more than once: the desk's journal runs each id once. A plan this spoke
 * must refuse is logged and skipped. While the hub is away the poller backs off (up to 30 s, with jitter).
 */
public final class Poller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final long REPEAT_PAUSE_MILLIS = 500;

  private final HubClient hub;
  private final PlanDesk desk;
  private final Duration wait;
  private volatile boolean stopped;
  private Thread thread;

  public Poller(HubClient hub, PlanDesk desk, Duration wait) {
    this.hub = hub;
    this.desk = desk;
    this.wait = wait;
  }

  public void start() {
    thread = Thread.ofVirtual().name("spoke-poller").start(this::loop);
  }

  private void loop() {
    long backoffMillis = 0;
    while (!stopped) {
      try {
        Polled polled = take(hub.pollPlans(wait));
        backoffMillis = 0;
        // Plans handed out again before our report acknowledged them, or plans we refuse: the hub answers at once
        // while it holds them, so pause a little rather than spin.
        if (polled.handedOut() > 0 && polled.fresh() == 0 && !pause(REPEAT_PAUSE_MILLIS)) {
          return;
        }
      } catch (SpokeException e) {
        if (stopped) {
          return;
        }
        if (backoffMillis == 0) {
          LOG.warn("cannot poll the hub for plans; retrying with backoff: {}", e.getMessage());
        }
        backoffMillis = Math.min(30_000, Math.max(250, backoffMillis * 2));
        if (!pause(backoffMillis + ThreadLocalRandom.current().nextLong(backoffMillis / 4 + 1))) {
          return;
        }
      }
    }
  }

  /** How many plans one poll answer held, and how many of them were new to this spoke. */
  record Polled(int handedOut, int fresh) {}

  /** Takes every plan of one poll answer {@code {"plans": [...]}}. */
  Polled take(byte[] answer) {
    JsonNode root;
    try {
      root = JSON.readTree(answer);
    } catch (JacksonException e) {
      throw new SpokeException("the hub's plan answer is not JSON: " + e.getOriginalMessage(), e);
    }
    int fresh = 0;
    int handedOut = 0;
    for (JsonNode node : root.path("plans").values()) {
      handedOut++;
      PlanMessage plan;
      try {
        plan = PlanMessageJson.read("a plan polled from the hub", node);
      } catch (ApolloException e) {
        LOG.warn("skipping a plan the hub handed out: {}", e.getMessage());
        continue;
      }
      Optional<PlanDesk.Refused> refused = desk.check(plan);
      if (refused.isPresent()) {
        LOG.warn("refusing a polled plan: {}", refused.get().message());
        continue;
      }
      if (desk.take(plan).fresh()) {
        fresh++;
      }
    }
    return new Polled(handedOut, fresh);
  }

  private boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return !stopped;
    } catch (InterruptedException e) {
      return false;
    }
  }

  @Override
  public void close() {
    stopped = true;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
