package io.apollo.spoke.journal;

import io.apollo.core.report.PlanOutcome;

/** Where a plan the spoke acknowledged is, as the journal records it. */
public enum PlanStatus {
  /** Acknowledged (202 answered or taken from a poll), waiting for its entity's earlier plans. */
  TAKEN,
  /** Handed to the operator; a restart finding this resolves it by observation, never by running it again. */
  RUNNING,
  /** Finished and the entity is at the plan's target. */
  SUCCEEDED,
  /** Finished without reaching the target, or interrupted by a restart. */
  FAILED;

  /** True once the plan has an outcome that never changes again. */
  public boolean isFinished() {
    return this == SUCCEEDED || this == FAILED;
  }

  /** The outcome as reports and the duplicate-delivery answer name it. */
  public PlanOutcome outcome() {
    return switch (this) {
      case TAKEN, RUNNING -> PlanOutcome.RUNNING;
      case SUCCEEDED -> PlanOutcome.SUCCEEDED;
      case FAILED -> PlanOutcome.FAILED;
    };
  }
}
