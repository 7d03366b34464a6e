package io.apollo.reconciler.loop;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Origin;
import io.apollo.core.load.LoadResult;
import io.apollo.core.load.Problem;
import io.apollo.core.load.ProblemReason;
import io.apollo.reconciler.gitsync.GovernedPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A loaded commit as the hub governs by it when role and policy changes must be signed by an admin key
 * ({@code --admin-keys}): its roles and approval policies are those last accepted, and a refused change is a
 * problem of the load (so {@code /v1/status} says why). Without admin keys, the load as it is. Pure.
 */
final class GovernedState {
  private GovernedState() {}

  static LoadResult apply(LoadResult loaded, Optional<GovernedPolicy> governed) {
    if (governed.isEmpty()) {
      return loaded;
    }
    GovernedPolicy g = governed.get();
    DesiredState s = loaded.state();
    DesiredState state = s.withApprovalRules(g.policies(), g.roles());
    List<Problem> problems = new ArrayList<>(loaded.problems());
    g.refusal().ifPresent(message -> problems.add(Problem.at(Origin.of("commit " + g.refusedCommit().orElseThrow()),
        ProblemReason.UNSIGNED_POLICY_CHANGE, message)));
    return new LoadResult(state, problems, loaded.unreadableFiles());
  }
}
