package io.apollo.reconciler.loop;

import io.apollo.core.config.Approval;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Member;
import io.apollo.core.config.Metadata;
import io.apollo.core.config.Origin;
import io.apollo.core.config.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Role membership as the planner must see it for approvals the git layer already judged (DESIGN.md section 4:
 * membership is read from main as it was before the approving commit). The planner's approval check reads the
 * roles of the commit it plans, so someone who approved as a member and has left the role since would no longer
 * count; here each accepted approver is kept in the role they approved for. Only approvals the git layer accepted
 * (one per role met) are ever given to the planner, so this adds nobody to a role they did not hold when they
 * approved. Pure.
 */
final class RolesAsApproved {
  private RolesAsApproved() {}

  static DesiredState of(DesiredState desired, Map<String, List<Approval>> accepted) {
    SortedMap<String, Role> roles = new TreeMap<>(desired.roles());
    boolean changed = false;
    for (List<Approval> approvals : accepted.values()) {
      for (Approval a : approvals) {
        if (a.role().isEmpty()) {
          continue;
        }
        String name = a.role().get();
        Role role = roles.get(name);
        if (role != null && role.hasMember(a.by())) {
          continue;
        }
        List<Member> members = new ArrayList<>(role == null ? List.of() : role.members());
        members.add(new Member(a.by(), List.of()));
        roles.put(name, new Role(role == null ? Metadata.named(name) : role.metadata(), members,
            role == null ? Origin.of("(approval recorded by the hub)") : role.origin()));
        changed = true;
      }
    }
    if (!changed) {
      return desired;
    }
    return desired.withApprovalRules(desired.approvalPolicies(), roles);
  }
}
