package io.apollo.core.entity;

import io.apollo.core.report.EntityState;
import static io.apollo.core.report.EntityState.DEGRADED;
import static io.apollo.core.report.EntityState.FAILED;
import static io.apollo.core.report.EntityState.INSTALLING;
import static io.apollo.core.report.EntityState.PENDING;
import static io.apollo.core.report.EntityState.RUNNING;
import static io.apollo.core.report.EntityState.UNMANAGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.core.ApolloException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntityStateMachineTest {

  static Stream<Arguments> legal() {
    return Stream.of(
        Arguments.of("entity registered", UNMANAGED, PENDING, EntityTrigger.REGISTERED),
        Arguments.of("plan execution begins", PENDING, INSTALLING, EntityTrigger.PLAN_STARTED),
        Arguments.of("installation succeeds", INSTALLING, RUNNING, EntityTrigger.INSTALL_SUCCEEDED),
        Arguments.of("installation fails", INSTALLING, FAILED, EntityTrigger.INSTALL_FAILED),
        Arguments.of("health checks failing", RUNNING, DEGRADED, EntityTrigger.HEALTH_FAILING),
        Arguments.of("health recovers", DEGRADED, RUNNING, EntityTrigger.HEALTH_RECOVERED),
        Arguments.of("fatal error", RUNNING, FAILED, EntityTrigger.FATAL_ERROR),
        Arguments.of("day 2: upgrade of a running entity taken up", RUNNING, PENDING,
            EntityTrigger.NEW_PLAN_WHILE_RUNNING),
        Arguments.of("day 2: fix for a degraded entity taken up", DEGRADED, PENDING,
            EntityTrigger.NEW_PLAN_WHILE_DEGRADED),
        Arguments.of("day 2: automatic rollback taken up", FAILED, PENDING, EntityTrigger.NEW_PLAN_AFTER_FAILURE),
        Arguments.of("day 2: fatal error while degraded", DEGRADED, FAILED,
            EntityTrigger.FATAL_ERROR_WHILE_DEGRADED));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @MethodSource("legal")
  void legalMove(String name, EntityState from, EntityState to, EntityTrigger trigger) {
    assertThat(EntityStateMachine.canMove(from, to)).isTrue();
    assertThat(EntityStateMachine.transition(from, to)).isEqualTo(to);
    assertThat(EntityStateMachine.trigger(from, to)).contains(trigger);
    assertThat(trigger.from()).isEqualTo(from);
    assertThat(trigger.to()).isEqualTo(to);
  }

  static Stream<Arguments> illegal() {
    return Stream.of(
        Arguments.of("running without a plan having run", UNMANAGED, RUNNING),
        Arguments.of("installing without passing through pending", UNMANAGED, INSTALLING),
        Arguments.of("a failure does not heal itself", FAILED, RUNNING),
        Arguments.of("a failure is not retried without a plan", FAILED, INSTALLING),
        Arguments.of("a running entity takes a plan through pending", RUNNING, INSTALLING),
        Arguments.of("a pending plan must run first", PENDING, RUNNING),
        Arguments.of("a pending plan cannot fail before it starts", PENDING, FAILED),
        Arguments.of("a running entity is not forgotten", RUNNING, UNMANAGED),
        Arguments.of("an install does not go back to waiting", INSTALLING, PENDING),
        Arguments.of("an install is not degraded before it finishes", INSTALLING, DEGRADED),
        Arguments.of("staying running is not a move", RUNNING, RUNNING),
        Arguments.of("staying failed is not a move", FAILED, FAILED),
        Arguments.of("staying unmanaged is not a move", UNMANAGED, UNMANAGED));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @MethodSource("illegal")
  void illegalMove(String name, EntityState from, EntityState to) {
    assertThat(EntityStateMachine.canMove(from, to)).isFalse();
    assertThat(EntityStateMachine.trigger(from, to)).isEmpty();
    assertThatThrownBy(() -> EntityStateMachine.transition(from, to))
        .isInstanceOf(IllegalTransitionException.class)
        .isInstanceOf(ApolloException.class)
        .hasMessageContaining(from.name())
        .hasMessageContaining(to.name());
  }

  @Test
  void exactlyTheElevenMovesAreLegal() {
    long legal = Arrays.stream(EntityState.values())
        .flatMap(from -> Arrays.stream(EntityState.values()).filter(to -> EntityStateMachine.canMove(from, to)))
        .count();

    assertThat(legal).isEqualTo(11).isEqualTo(EntityTrigger.values().length);
  }

  @Test
  void refusalNamesTheLegalMoves() {
    assertThatThrownBy(() -> EntityStateMachine.transition(RUNNING, INSTALLING))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e.from()).isEqualTo(RUNNING);
          assertThat(e.to()).isEqualTo(INSTALLING);
          assertThat(e.legal()).containsExactlyInAnyOrder(DEGRADED, FAILED, PENDING);
        })
        .hasMessage("an entity cannot move from RUNNING to INSTALLING; from RUNNING it may move to:"
            + " PENDING, DEGRADED, FAILED");
  }

  @Test
  void movesFromEachState() {
    assertThat(EntityStateMachine.movesFrom(UNMANAGED)).containsExactly(PENDING);
    assertThat(EntityStateMachine.movesFrom(PENDING)).containsExactly(INSTALLING);
    assertThat(EntityStateMachine.movesFrom(INSTALLING)).containsExactly(RUNNING, FAILED);
    assertThat(EntityStateMachine.movesFrom(FAILED)).containsExactly(PENDING);
  }
}
