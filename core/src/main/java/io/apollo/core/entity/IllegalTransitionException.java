package io.apollo.core.entity;

import io.apollo.core.report.EntityState;
import io.apollo.core.ApolloException;
import java.util.Set;
import java.util.stream.Collectors;

/** An entity was asked to make a move its state machine does not allow. */
public final class IllegalTransitionException extends ApolloException {
  private final EntityState from;
  private final EntityState to;
  private final Set<EntityState> legal;

  IllegalTransitionException(EntityState from, EntityState to, Set<EntityState> legal) {
    super(message(from, to, legal));
    this.from = from;
    this.to = to;
    this.legal = Set.copyOf(legal);
  }

  public EntityState from() {
    return from;
  }

  public EntityState to() {
    return to;
  }

  /** The states {@link #from()} may legally move to. */
  public Set<EntityState> legal() {
    return legal;
  }

  private static String message(EntityState from, EntityState to, Set<EntityState> legal) {
    String moves =
        legal.isEmpty() ? "none" : legal.stream().map(EntityState::name).collect(Collectors.joining(", "));
    return "an entity cannot move from " + from + " to " + to + "; from " + from + " it may move to: " + moves;
  }
}
