package io.apollo.reconciler.store;

import io.apollo.core.config.EntityId;
import io.apollo.core.plan.PlanState;
import java.time.Instant;
import java.util.Objects;

/**
 * One plan as the hub keeps it: its lifecycle state, where it is in git, and {@code body}, the plan JSON of
 * DESIGN.md section 5 as last computed (without the fields the store owns: state, approvals, history, times).
 */
public record StoredPlan(String id, EntityId entity, String spoke, PlanState state, GitPlace git, String body,
    Instant createdAt, Instant updatedAt) {
  public StoredPlan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(spoke, "spoke");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(git, "git");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public StoredPlan withState(PlanState next, Instant at) {
    return new StoredPlan(id, entity, spoke, next, git, body, createdAt, at);
  }

  public StoredPlan withGit(GitPlace next, Instant at) {
    return new StoredPlan(id, entity, spoke, state, next, body, createdAt, at);
  }

  public StoredPlan withBody(String next) {
    return new StoredPlan(id, entity, spoke, state, git, next, createdAt, updatedAt);
  }
}
