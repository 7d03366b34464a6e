package io.apollo.core.load;

import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking one entity identity ({@link CrossChecks#entity}): the problems it found, the entity when
 * it resolved, else the id to name among the invalid entities.
 */
record EntityCheck(List<Problem> problems, Optional<Entity> entity, Optional<EntityId> invalid) {
  EntityCheck {
    problems = List.copyOf(problems);
  }
}
