package io.apollo.core.entity;

import io.apollo.core.report.EntityState;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The legal moves of an entity's life. The seed's table:
 *
 * <pre>
 * UNMANAGED  -> PENDING     entity registered
 * PENDING    -> INSTALLING  plan execution begins
 * INSTALLING -> RUNNING     installation succeeds
 * INSTALLING -> FAILED      installation fails
 * RUNNING    -> DEGRADED    health checks failing
 * DEGRADED   -> RUNNING     health recovers
 * RUNNING    -> FAILED      fatal error
 * </pre>
 *
 * <p>That table only covers a first install. An entity lives on after it, so four day-2 moves are legal too, and
 * only these: {@code RUNNING -> PENDING}, {@code DEGRADED -> PENDING} and {@code FAILED -> PENDING} (a new plan,
 * such as an upgrade, a config update or the automatic rollback, is taken up), and {@code DEGRADED -> FAILED} (a
 * fatal error while degraded). Every other move, staying put included, is illegal: an entity never becomes RUNNING
 * without a plan having run, and a plan always passes through PENDING before INSTALLING.
 */
public final class EntityStateMachine {
  private static final Map<EntityState, Map<EntityState, EntityTrigger>> MOVES = index();

  private EntityStateMachine() {}

  /** True when {@code from -> to} is a legal move. */
  public static boolean canMove(EntityState from, EntityState to) {
    return trigger(from, to).isPresent();
  }

  /** The trigger of the move {@code from -> to}; empty when the move is illegal. */
  public static Optional<EntityTrigger> trigger(EntityState from, EntityState to) {
    return Optional.ofNullable(MOVES.get(from).get(to));
  }

  /** The states {@code from} may move to, in declaration order. */
  public static Set<EntityState> movesFrom(EntityState from) {
    return Collections.unmodifiableSet(MOVES.get(from).keySet());
  }

  /**
   * Moves from {@code from} to {@code to}.
   *
   * @return {@code to}
   * @throws IllegalTransitionException when the move is illegal; it names both states and the legal moves
   */
  public static EntityState transition(EntityState from, EntityState to) {
    if (!canMove(from, to)) {
      throw new IllegalTransitionException(from, to, movesFrom(from));
    }
    return to;
  }

  private static Map<EntityState, Map<EntityState, EntityTrigger>> index() {
    Map<EntityState, Map<EntityState, EntityTrigger>> moves = new EnumMap<>(EntityState.class);
    for (EntityState state : EntityState.values()) {
      moves.put(state, new EnumMap<>(EntityState.class));
    }
    for (EntityTrigger trigger : EntityTrigger.values()) {
      moves.get(trigger.from()).put(trigger.to(), trigger);
    }
    moves.replaceAll((state, targets) -> Collections.unmodifiableMap(targets));
    return Collections.unmodifiableMap(moves);
  }
}
