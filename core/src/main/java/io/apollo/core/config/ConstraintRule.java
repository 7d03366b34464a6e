package io.apollo.core.config;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** The one rule a {@link Constraint} holds. */
public sealed interface ConstraintRule {

  /**
   * Plans may run only while a window is open. Windows start at each time {@code cron} (UNIX 5 fields) fires in
   * {@code timeZone} and stay open for {@code duration}.
   */
  record MaintenanceWindow(String cron, Duration duration, ZoneId timeZone) implements ConstraintRule {
    public MaintenanceWindow {
      Objects.requireNonNull(cron, "cron");
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(timeZone, "timeZone");
    }
  }

  /** No plan may run in [{@code start}, {@code end}): a freeze, such as the holidays. */
  record SuppressionWindow(Instant start, Instant end, String reason) implements ConstraintRule {
    public SuppressionWindow {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      reason = reason == null ? "" : reason;
    }
  }

  /** A plan's target release may run only when its product dependencies are met in the environment. */
  record Dependency(boolean requireHealthy) implements ConstraintRule {}

  /**
   * Staged rollout: an install or upgrade of the entities the constraint selects may take a release only after that
   * release ran healthy for {@code bake} on every entity of the same product that {@code from} picks (the source,
   * such as {@code environments: [staging]}).
   */
  record Promotion(Selector from, Duration bake) implements ConstraintRule {
    public Promotion {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(bake, "bake");
    }
  }
}
