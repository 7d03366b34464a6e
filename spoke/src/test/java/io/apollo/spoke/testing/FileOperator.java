package io.apollo.spoke.testing;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.PlanType;
import io.apollo.core.report.Health;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.spoke.operator.Observation;
import io.apollo.spoke.operator.Operator;
import io.apollo.spoke.operator.OperatorResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * A stand-in operator for the agent's tests that keeps its truth in files, so it survives a {@code kill -9} of the
 * spoke process like a real one: {@code <dir>/<env>_<name>.state} holds "version digest" of what is installed, a
 * {@code .unhealthy} file beside it makes checks fail, and {@code runs.log} gets one line per plan run (so a test can
 * prove a plan ran once). A plan's config steers it: {@code sleepMs} (how long the run takes), {@code fail}
 * (fail, leaving the old version running).
 */
public final class FileOperator implements Operator {
  private final Path dir;

  public FileOperator(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public OperatorResult run(PlanMessage plan) {
    append(dir.resolve("runs.log"), plan.id() + "\n");
    Object sleep = plan.config().get("sleepMs");
    if (sleep instanceof Number n) {
      try {
        Thread.sleep(n.longValue());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Optional<Version> before = observe(plan.entity()).version();
    if (Boolean.TRUE.equals(plan.config().get("fail"))) {
      return OperatorResult.failed(before, "health_check_failed",
          plan.toVersion().map(Object::toString).orElse("?") + " did not become healthy; "
              + before.map(v -> v + " left running").orElse("nothing running"));
    }
    if (plan.type() == PlanType.UNINSTALL) {
      delete(state(plan.entity()));
      return OperatorResult.succeeded(Optional.empty(), "uninstalled");
    }
    write(state(plan.entity()), plan.toVersion().orElseThrow() + " " + plan.configDigest());
    return OperatorResult.succeeded(plan.toVersion(), plan.type() + " to " + plan.toVersion().get() + " done");
  }

  @Override
  public Observation observe(EntityId entity) {
    Path state = state(entity);
    if (!Files.exists(state)) {
      return Observation.nothingInstalled();
    }
    try {
      String[] parts = Files.readString(state).strip().split(" ");
      boolean unhealthy = Files.exists(unhealthyMarker(entity));
      return new Observation(Optional.of(Version.parse(parts[0])), Optional.of(parts[1]),
          unhealthy ? Health.UNHEALTHY : Health.HEALTHY, unhealthy ? "check failed: marker file present" : "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Plan ids in the order they were run. */
  public List<String> runs() {
    Path log = dir.resolve("runs.log");
    try {
      return Files.exists(log) ? Files.readAllLines(log) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void makeUnhealthy(EntityId entity, boolean unhealthy) {
    if (unhealthy) {
      write(unhealthyMarker(entity), "x");
    } else {
      delete(unhealthyMarker(entity));
    }
  }

  private Path state(EntityId entity) {
    return dir.resolve(entity.environment() + "_" + entity.name() + ".state");
  }

  private Path unhealthyMarker(EntityId entity) {
    return dir.resolve(entity.environment() + "_" + entity.name() + ".unhealthy");
  }

  private static void append(Path file, String line) {
    try {
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
