package io.apollo.reconciler.gitsync;

import io.apollo.core.config.ApprovalPolicy;
import io.apollo.core.config.Role;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The roles and approval policies that govern at a commit when the hub requires admin-signed changes to them
 * ({@code --admin-keys}): those of {@code acceptedCommit}, the last commit whose change was signed by an admin key;
 * {@code refusedCommit} and {@code refusal} name the change since that was not accepted, and why.
 */
public record GovernedPolicy(String acceptedCommit, SortedMap<String, Role> roles, List<ApprovalPolicy> policies,
    Optional<String> refusedCommit, Optional<String> refusal) {
  public GovernedPolicy {
    Objects.requireNonNull(acceptedCommit, "acceptedCommit");
    Objects.requireNonNull(roles, "roles");
    policies = List.copyOf(policies);
    Objects.requireNonNull(refusedCommit, "refusedCommit");
    Objects.requireNonNull(refusal, "refusal");
  }
}
