package io.apollo.core.approval;

import io.apollo.core.config.Approval;
import io.apollo.core.config.ApprovalPolicy;
import io.apollo.core.config.ApprovalRule;
import io.apollo.core.config.Criticality;
import io.apollo.core.config.Role;
import io.apollo.core.config.PlanType;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Routes plans to the roles that must approve them: the union of {@code requiredRoles} of every matching rule of
 * every policy. Then, given approvals, says which roles are met; a person counts only for roles they are a member
 * of in {@code roles} (which the caller reads from main as it was before the approval).
 */
public final class AccreditationRouter {
  private final List<ApprovalRule> rules;

  public AccreditationRouter(Collection<ApprovalPolicy> policies) {
    this.rules = policies.stream().flatMap(p -> p.rules().stream()).toList();
  }

  /** The roles a plan of this type, for a product of this criticality, in this environment, needs. */
  public Set<String> requiredRoles(String environment, PlanType type, Criticality criticality) {
    Set<String> roles = new TreeSet<>();
    for (ApprovalRule rule : rules) {
      if (rule.matches(environment, type, criticality)) {
        roles.addAll(rule.requiredRoles());
      }
    }
    return roles;
  }

  /** Which of {@code required} the approvals meet. An approval naming a role counts only for that role. */
  public static ApprovalStatus status(Set<String> required, Collection<Approval> approvals, Map<String, Role> roles) {
    Set<String> met = new HashSet<>();
    for (Approval approval : approvals) {
      for (String roleName : required) {
        Role role = roles.get(roleName);
        boolean named = approval.role().map(roleName::equals).orElse(true);
        if (named && role != null && role.hasMember(approval.by())) {
          met.add(roleName);
        }
      }
    }
    Set<String> missing = new TreeSet<>(required);
    missing.removeAll(met);
    return new ApprovalStatus(required, met, missing);
  }
}
