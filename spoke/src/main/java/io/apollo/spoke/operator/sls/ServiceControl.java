package io.apollo.spoke.operator.sls;

import io.apollo.core.report.Health;
import io.apollo.spoke.operator.sls.InitScript.Command;
import io.apollo.spoke.operator.sls.InitScript.Outcome;
import java.nio.file.Path;

/**
 * Starts, stops and checks the service of one unpacked distribution through its init.sh, with the SLS meanings of
 * the exit codes. Every call blocks for at most the limits of {@link SlsLimits}.
 */
final class ServiceControl {
  /** What {@code init.sh status} and {@code check} say together. */
  record Probe(Health health, boolean running, String message) {}

  private static final long STATUS_EVERY_NANOS = 1_000_000_000L;

  private final InitScript init;
  private final LogRotation rotation;
  private final SlsLimits limits;

  ServiceControl(SlsLimits limits) {
    this.limits = limits;
    this.init = new InitScript(limits.initTimeout(), limits.probeTimeout());
    this.rotation = new LogRotation(limits.logMaxBytes(), limits.logGenerations());
  }

  /**
   * Starts the service and waits until {@code init.sh check} passes. Fails fast (within about a second) when the
   * process dies while starting, else at the health deadline, with the last check's words.
   */
  void startHealthy(Path dist) {
    rotation.rotate(dist);
    Outcome started = init.run(dist, Command.START);
    if (!started.ok()) {
      throw new SlsFailure(SlsReason.INIT_SCRIPT_FAILED, "init.sh start exited " + started.exitCode() + ": "
          + orNothing(started.output()) + " (see " + dist.resolve("var/log") + ")");
    }
    long deadline = System.nanoTime() + limits.healthTimeout().toNanos();
    long nextStatus = System.nanoTime() + STATUS_EVERY_NANOS;
    while (true) {
      Outcome check = init.run(dist, Command.CHECK);
      if (check.ok()) {
        return;
      }
      // status costs a script run too: ask it about once a second, not at every poll.
      if (System.nanoTime() >= nextStatus) {
        Outcome status = init.run(dist, Command.STATUS);
        if (status.exitCode() != 0) {
          throw new SlsFailure(SlsReason.HEALTH_CHECK_FAILED, "the service stopped while starting (init.sh status "
              + status.exitCode() + ": " + orNothing(status.output()) + "); see its log in " + dist.resolve("var/log"));
        }
        nextStatus = System.nanoTime() + STATUS_EVERY_NANOS;
      }
      if (System.nanoTime() > deadline) {
        throw new SlsFailure(SlsReason.HEALTH_CHECK_FAILED, "the service did not pass init.sh check within "
            + limits.healthTimeout().toMillis() + " ms; the last check said: " + orNothing(check.output()));
      }
      pause();
    }
  }

  /** Stops the service; fails when init.sh stop fails or the service still runs afterwards. */
  void stop(Path dist) {
    Outcome stopped = init.run(dist, Command.STOP);
    if (!stopped.ok()) {
      throw new SlsFailure(SlsReason.INIT_SCRIPT_FAILED, "init.sh stop exited " + stopped.exitCode() + ": "
          + orNothing(stopped.output()));
    }
    if (isRunning(dist)) {
      throw new SlsFailure(SlsReason.INIT_SCRIPT_FAILED, "init.sh stop exited 0 but init.sh status still says running");
    }
  }

  /** Stops the service if it can; for clean-up after a failure, where the first failure is the one to report. */
  String stopQuietly(Path dist) {
    try {
      stop(dist);
      return "";
    } catch (SlsFailure e) {
      return " Stopping it failed too: " + e.getMessage();
    }
  }

  boolean isRunning(Path dist) {
    try {
      return init.run(dist, Command.STATUS).exitCode() == 0;
    } catch (SlsFailure e) {
      return false;
    }
  }

  /** A fresh look: {@code status}, then {@code check} when it runs. Rotates the logs on the way. */
  Probe probe(Path dist) {
    rotation.rotate(dist);
    try {
      Outcome status = init.run(dist, Command.STATUS);
      return switch (status.exitCode()) {
        case 0 -> {
          Outcome check = init.run(dist, Command.CHECK);
          yield check.ok()
              ? new Probe(Health.HEALTHY, true, "running and healthy")
              : new Probe(Health.UNHEALTHY, true, "running, but init.sh check fails: " + orNothing(check.output()));
        }
        case 1 -> new Probe(Health.UNHEALTHY, false, "the service died (its pidfile remains): " + status.output());
        case 3 -> new Probe(Health.UNHEALTHY, false, "the service is not running: " + status.output());
        default -> new Probe(Health.UNKNOWN, false, "init.sh status exited " + status.exitCode() + ": "
            + orNothing(status.output()));
      };
    } catch (SlsFailure e) {
      return new Probe(Health.UNKNOWN, false, e.getMessage());
    }
  }

  private void pause() {
    try {
      Thread.sleep(limits.healthPollInterval());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlsFailure(SlsReason.HEALTH_CHECK_FAILED, "interrupted while waiting for the service to be healthy", e);
    }
  }

  private static String orNothing(String output) {
    return output.isEmpty() ? "(no output)" : output;
  }
}
