package io.apollo.core.constraint;

import io.apollo.core.config.ConstraintRule.SuppressionWindow;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A suppression window (a freeze, such as the holidays): no plan runs while {@code start <= now < end}. The end is
 * exclusive, so a plan blocked by it unblocks exactly at {@code end}. A window whose end is not after its start never
 * blocks.
 */
final class SuppressionWindowConstraint {
  private final String name;
  private final SuppressionWindow window;

  SuppressionWindowConstraint(String name, SuppressionWindow window) {
    this.name = Objects.requireNonNull(name, "name");
    this.window = Objects.requireNonNull(window, "window");
  }

  Verdict evaluate(Instant now) {
    if (now.isBefore(window.start())) {
      return Verdict.satisfied(
          name, ConstraintKind.SUPPRESSION_WINDOW, describe() + " starts " + window.start() + "; not in force yet");
    }
    if (!now.isBefore(window.end())) {
      return Verdict.satisfied(name, ConstraintKind.SUPPRESSION_WINDOW, describe() + " ended " + window.end());
    }
    return Verdict.violated(
        name, ConstraintKind.SUPPRESSION_WINDOW, "inside " + describe() + " until " + window.end(),
        Optional.of(window.end()));
  }

  /** {@code freeze 'holiday-freeze' (Holiday freeze)}; the parenthesis only when a reason was given. */
  private String describe() {
    return "freeze '" + name + "'" + (window.reason().isBlank() ? "" : " (" + window.reason() + ")");
  }
}
