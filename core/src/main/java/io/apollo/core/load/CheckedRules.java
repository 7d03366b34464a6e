package io.apollo.core.load;

import io.apollo.core.config.ApprovalPolicy;
import io.apollo.core.config.Constraint;
import io.apollo.core.config.Notification;
import io.apollo.core.config.PlanDocument;
import io.apollo.core.config.ReleaseHold;
import io.apollo.core.config.Role;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the checks of the kinds no entity reads yield ({@link CrossChecks#rules}): roles, constraints, approval
 * policies, plans, notifications and holds as the desired state holds them. An incremental load checks them again
 * only when a changed file holds one, apart from the products, releases and environments.
 */
record CheckedRules(
    SortedMap<String, Role> roles,
    List<Constraint> constraints,
    List<ApprovalPolicy> policies,
    List<PlanDocument> plans,
    List<Notification> notifications,
    List<ReleaseHold> holds) {
  /** No document of these kinds. */
  static final CheckedRules NONE =
      new CheckedRules(new TreeMap<>(), List.of(), List.of(), List.of(), List.of(), List.of());
}
