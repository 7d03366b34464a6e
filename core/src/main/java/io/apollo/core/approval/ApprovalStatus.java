package io.apollo.core.approval;

import java.util.Set;
import java.util.TreeSet;

/** Which required roles a plan's approvals meet and which are still missing. */
public record ApprovalStatus(Set<String> required, Set<String> met, Set<String> missing) {
  public ApprovalStatus {
    required = Set.copyOf(required);
    met = Set.copyOf(met);
    missing = Set.copyOf(missing);
  }

  public boolean isSatisfied() {
    return missing.isEmpty();
  }

  public Set<String> sortedMissing() {
    return new TreeSet<>(missing);
  }
}
