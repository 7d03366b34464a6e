package io.apollo.core.constraint;

import io.apollo.core.config.DesiredState;
import io.apollo.core.report.ReportedState;
import java.time.Instant;
import java.util.Objects;

/** Everything a constraint may look at besides the change itself. {@code now} is the only clock. */
public record EvaluationContext(DesiredState desired, ReportedState reported, Instant now) {
  public EvaluationContext {
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(reported, "reported");
    Objects.requireNonNull(now, "now");
  }
}
