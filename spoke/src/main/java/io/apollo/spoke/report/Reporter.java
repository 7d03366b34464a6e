package io.apollo.spoke.report;

import io.apollo.core.report.SpokeReportJson;
import io.apollo.spoke.SpokeException;
import io.apollo.spoke.hub.HubClient;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends this spoke's full state to the hub on every change ({@link #changed}) and at least every
 * {@code interval}, on its own virtual thread. Each send builds the report afresh, so only the latest state is ever
 * sent and nothing queues: changes made while the hub is away fold into the next send. While the hub is away the
 * reporter backs off (doubling from 250 ms up to 30 s, with jitter); changes made meanwhile go out with the next
 * attempt.
 */
public final class Reporter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Reporter.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final Reports reports;
  private final HubClient hub;
  private final Duration interval;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private boolean dirty = true;
  private volatile boolean stopped;
  private Thread thread;

  public Reporter(Reports reports, HubClient hub, Duration interval) {
    this.reports = reports;
    this.hub = hub;
    this.interval = interval;
  }

  public void start() {
    thread = Thread.ofVirtual().name("spoke-reporter").start(this::loop);
  }

  /** Something a report shows has changed: send soon. Never blocks. */
  public void changed() {
    lock.lock();
    try {
      dirty = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    Duration backoff = Duration.ZERO;
    boolean hubAway = false;
    while (!stopped) {
      if (!waitForWork(backoff.isZero() ? interval : backoff, !backoff.isZero())) {
        return;
      }
      try {
        hub.postReport(SpokeReportJson.write(reports.current()).toString());
        if (hubAway) {
          LOG.info("the hub takes reports again");
        }
        hubAway = false;
        backoff = Duration.ZERO;
      } catch (SpokeException e) {
        if (!hubAway) {
          LOG.warn("cannot report to the hub; retrying with backoff: {}", e.getMessage());
        }
        hubAway = true;
        markDirty();
        backoff = next(backoff);
      }
    }
  }

  /** Waits up to {@code limit} or until a change; while backing off, a change does not cut the wait short. */
  private boolean waitForWork(Duration limit, boolean backingOff) {
    lock.lock();
    try {
      long nanos = limit.toNanos();
      while (!stopped && (backingOff || !dirty) && nanos > 0) {
        nanos = wake.awaitNanos(nanos);
      }
      dirty = false;
      return !stopped;
    } catch (InterruptedException e) {
      return false;
    } finally {
      lock.unlock();
    }
  }

  private void markDirty() {
    lock.lock();
    try {
      dirty = true;
    } finally {
      lock.unlock();
    }
  }

  private static Duration next(Duration backoff) {
    Duration doubled = backoff.isZero() ? FIRST_BACKOFF : backoff.multipliedBy(2);
    Duration capped = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    long jitter = ThreadLocalRandom.current().nextLong(capped.toMillis() / 4 + 1);
    return capped.plusMillis(jitter);
  }

  @Override
  public void close() {
    stopped = true;
    changed();
    if (thread != null) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
