package io.apollo.cli.plans;

import io.apollo.cli.CliException;
import io.apollo.cli.repo.ConfigRepo;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who may approve what (DESIGN.md section 4), as the repository's head says: the roles a person holds, the roles
 * a plan on main has had met (its merge's author holds them, or an approvals entry names them), and what is missing.
 */
final class Approvers {
  private Approvers() {}

  static Set<String> rolesOf(DesiredState state, String email) {
    return state.roles().values().stream().filter(r -> r.hasMember(email)).map(Role::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The roles already met for a plan on main: the merge author's and those of each approvals entry. */
  static Set<String> metOnMain(ConfigRepo.Snapshot head, GitPlan plan) {
    Set<String> required = new TreeSet<>(plan.requiredRoles());
    Set<String> met = new TreeSet<>();
    String mergedBy = head.repo().git().run("log", "--first-parent", "--diff-filter=A", "-1", "--format=%ae",
        head.commit(), "--", plan.path());
    if (!mergedBy.isBlank()) {
      met.addAll(rolesOf(head.state(), mergedBy));
    }
    plan.spec().path("approvals").forEach(a -> {
      Set<String> held = rolesOf(head.state(), a.path("by").asString());
      String role = a.path("role").asString("");
      if (role.isEmpty()) {
        met.addAll(held);
      } else if (held.contains(role)) {
        met.add(role);
      }
    });
    met.retainAll(required);
    return met;
  }

  /** Refuses an approver who holds none of {@code wanted}, naming who does. */
  static CliException nobodyFor(DesiredState state, String email, Set<String> wanted, String what) {
    List<String> who = new ArrayList<>();
    for (String role : wanted) {
      Role r = state.roles().get(role);
      if (r != null) {
        who.add(role + ": " + r.members().stream().map(m -> m.email()).collect(Collectors.joining(", ")) + " ("
            + r.origin().path() + ")");
      }
    }
    return new CliException(email + " holds none of the roles " + what + " (" + String.join(", ", wanted)
        + "), so the approval would count for nothing; nothing was committed. Who may approve: "
        + String.join("; ", who));
  }
}
