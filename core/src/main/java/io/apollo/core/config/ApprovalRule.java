package io.apollo.core.config;

import java.util.Set;

/**
 * One rule of an {@link ApprovalPolicy}: plans that match every given field (empty = any) need every role in
 * {@code requiredRoles}.
 */
public record ApprovalRule(
    Set<String> environments, Set<PlanType> planTypes, Set<Criticality> criticality, Set<String> requiredRoles) {
  public ApprovalRule {
    environments = Set.copyOf(environments == null ? Set.of() : environments);
    planTypes = Set.copyOf(planTypes == null ? Set.of() : planTypes);
    criticality = Set.copyOf(criticality == null ? Set.of() : criticality);
    requiredRoles = Set.copyOf(requiredRoles == null ? Set.of() : requiredRoles);
  }

  public boolean matches(String environment, PlanType planType, Criticality productCriticality) {
    return (environments.isEmpty() || environments.contains(environment))
        && (planTypes.isEmpty() || planTypes.contains(planType))
        && (criticality.isEmpty() || criticality.contains(productCriticality));
  }
}
