package io.apollo.core.report;

import io.apollo.core.config.EntityId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps "healthy on version V since T" up to date from the latest reports. Pure: the hub stores what it returns.
 *
 * <ul>
 *   <li>an entity reported RUNNING and HEALTHY keeps its earlier {@code since} while the version is the same; else
 *       its bake starts at the report's {@code observedAt} (never later than {@code now}: a spoke's clock ahead of
 *       the hub's must not lengthen a bake without end), in whole milliseconds;
 *   <li>an entity reported in any other state or health, at another version, or not reported at all loses its entry:
 *       a bake is counted only over health seen without a break.
 * </ul>
 */
public final class HealthHistory {
  private HealthHistory() {}

  /** The entries that hold after {@code reported}, given those that held before ({@code previous}). */
  public static Map<EntityId, HealthySince> update(
      Map<EntityId, HealthySince> previous, ReportedState reported, Instant now) {
    Map<EntityId, HealthySince> next = new TreeMap<>();
    for (EntityReport report : reported.entities().values()) {
      if (!report.isRunningHealthy() || report.version().isEmpty()) {
        continue;
      }
      Optional<HealthySince> before = Optional.ofNullable(previous.get(report.entity()))
          .filter(h -> h.version().compareTo(report.version().get()) == 0);
      // Whole milliseconds, as the hub stores them: a bake ends at the same instant before and after a restart.
      Instant observed =
          (report.observedAt().isAfter(now) ? now : report.observedAt()).truncatedTo(ChronoUnit.MILLIS);
      next.put(report.entity(),
          before.orElseGet(() -> new HealthySince(report.entity(), report.version().get(), observed)));
    }
    return next;
  }
}
