package io.apollo.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.core.config.Approval;
import io.apollo.core.config.ApprovalPolicy;
import io.apollo.core.config.ApprovalRule;
import io.apollo.core.config.Criticality;
import io.apollo.core.config.Member;
import io.apollo.core.config.Metadata;
import io.apollo.core.config.Origin;
import io.apollo.core.config.Role;
import io.apollo.core.config.PlanType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Approval routing with the seed's two rules (production upgrades need {@code sre}; critical products need
 * {@code vp-engineering}), and how approvals meet the roles a plan needs.
 */
class AccreditationRouterTest {

  private static final String SRE = "sre";
  private static final String VP = "vp-engineering";

  /** The seed's policy: production upgrades need SRE approval; critical services need VP approval. */
  private static final ApprovalPolicy SEED_POLICY =
      policy(
          "production-changes",
          rule(Set.of("production"), Set.of(PlanType.UPGRADE), Set.of(), Set.of(SRE)),
          rule(Set.of(), Set.of(), Set.of(Criticality.CRITICAL), Set.of(VP)));

  private static final Map<String, Role> ROLES =
      Map.of(
          SRE, role(SRE, "alice@example.com", "bob@example.com", "dave@example.com"),
          VP, role(VP, "carol@example.com", "dave@example.com"));

  static Stream<Arguments> seedRouting() {
    return Stream.of(
        Arguments.of("production upgrade of a medium product", "production", PlanType.UPGRADE, Criticality.MEDIUM,
            List.of(SRE)),
        Arguments.of("critical product installed in staging", "staging", PlanType.INSTALL, Criticality.CRITICAL,
            List.of(VP)),
        Arguments.of("critical product upgraded in staging", "staging", PlanType.UPGRADE, Criticality.CRITICAL,
            List.of(VP)),
        Arguments.of("critical product uninstalled in production", "production", PlanType.UNINSTALL,
            Criticality.CRITICAL, List.of(VP)),
        Arguments.of("production upgrade of a critical product", "production", PlanType.UPGRADE,
            Criticality.CRITICAL, List.of(SRE, VP)),
        Arguments.of("staging install of a medium product", "staging", PlanType.INSTALL, Criticality.MEDIUM,
            List.of()),
        Arguments.of("staging upgrade of a high product", "staging", PlanType.UPGRADE, Criticality.HIGH, List.of()),
        Arguments.of("production install of a medium product (the rule names upgrades only)", "production",
            PlanType.INSTALL, Criticality.MEDIUM, List.of()),
        Arguments.of("production rollback of a high product", "production", PlanType.ROLLBACK, Criticality.HIGH,
            List.of()),
        Arguments.of("production config update of a low product", "production", PlanType.CONFIG_UPDATE,
            Criticality.LOW, List.of()),
        Arguments.of("upgrade in an environment named like production", "production-eu", PlanType.UPGRADE,
            Criticality.MEDIUM, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seedRouting")
  void seed_rules_route_plans_to_roles(
      String name, String environment, PlanType type, Criticality criticality, List<String> expected) {
    AccreditationRouter router = new AccreditationRouter(List.of(SEED_POLICY));

    assertThat(router.requiredRoles(environment, type, criticality)).containsExactlyElementsOf(expected);
  }

  @Test
  void a_rule_with_an_empty_match_matches_every_plan() {
    ApprovalPolicy everything =
        policy("release-management", rule(Set.of(), Set.of(), Set.of(), Set.of("release-manager")));
    AccreditationRouter router = new AccreditationRouter(List.of(SEED_POLICY, everything));

    for (String environment : List.of("staging", "production", "anything")) {
      for (PlanType type : PlanType.values()) {
        for (Criticality criticality : Criticality.values()) {
          assertThat(router.requiredRoles(environment, type, criticality))
              .as("%s %s %s", environment, type, criticality)
              .contains("release-manager");
        }
      }
    }
  }

  static Stream<Arguments> moreRouting() {
    ApprovalPolicy alsoSre = policy("sre-on-production", rule(Set.of("production"), Set.of(), Set.of(), Set.of(SRE)));
    ApprovalPolicy highOrCritical =
        policy(
            "security-review",
            rule(
                Set.of(),
                Set.of(PlanType.INSTALL),
                Set.of(Criticality.HIGH, Criticality.CRITICAL),
                Set.of("security")));
    return Stream.of(
        Arguments.of("no policies need no roles", List.of(), "production", PlanType.UPGRADE, Criticality.CRITICAL,
            List.of()),
        Arguments.of("a role two policies need is listed once", List.of(SEED_POLICY, alsoSre), "production",
            PlanType.UPGRADE, Criticality.MEDIUM, List.of(SRE)),
        Arguments.of("roles of several policies are united, in name order", List.of(SEED_POLICY, highOrCritical),
            "production", PlanType.INSTALL, Criticality.CRITICAL, List.of("security", VP)),
        Arguments.of("a rule listing several criticalities matches each", List.of(highOrCritical), "staging",
            PlanType.INSTALL, Criticality.HIGH, List.of("security")),
        Arguments.of("fields of one rule are AND-ed", List.of(highOrCritical), "staging", PlanType.UPGRADE,
            Criticality.HIGH, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moreRouting")
  void policies_combine(
      String name,
      List<ApprovalPolicy> policies,
      String environment,
      PlanType type,
      Criticality criticality,
      List<String> expected) {
    assertThat(new AccreditationRouter(policies).requiredRoles(environment, type, criticality))
        .containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> approvals() {
    Set<String> both = Set.of(SRE, VP);
    return Stream.of(
        Arguments.of("a member counts for the role they hold only", both, List.of(by("alice@example.com")),
            Set.of(SRE)),
        Arguments.of("a non-member counts for nothing", both, List.of(by("mallory@example.com")), Set.of()),
        Arguments.of("an approval naming a role counts for that role only", both,
            List.of(by("dave@example.com", SRE)), Set.of(SRE)),
        Arguments.of("an approval naming no role counts for every role the approver holds", both,
            List.of(by("dave@example.com")), both),
        Arguments.of("an approval naming a role the approver does not hold counts for nothing", both,
            List.of(by("alice@example.com", VP)), Set.of()),
        Arguments.of("an approval naming a role the plan does not need counts for nothing", Set.of(SRE),
            List.of(by("dave@example.com", VP)), Set.of()),
        Arguments.of("two approvals meet two roles", both,
            List.of(by("alice@example.com"), by("carol@example.com")), both),
        Arguments.of("two approvers of one role meet that role only", both,
            List.of(by("alice@example.com"), by("bob@example.com")), Set.of(SRE)),
        Arguments.of("email addresses match whatever their case", both, List.of(by("Alice@Example.COM")),
            Set.of(SRE)),
        Arguments.of("a role with no Role document can never be met", Set.of("security"),
            List.of(by("alice@example.com", "security")), Set.of()),
        Arguments.of("no approvals meet nothing", both, List.of(), Set.of()),
        Arguments.of("a plan that needs no role is satisfied at once", Set.of(), List.of(), Set.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("approvals")
  void approvals_meet_only_the_roles_their_approvers_hold(
      String name, Set<String> required, List<Approval> approvals, Set<String> expectedMet) {
    ApprovalStatus status = AccreditationRouter.status(required, approvals, ROLES);

    Set<String> expectedMissing = new TreeSet<>(required);
    expectedMissing.removeAll(expectedMet);
    assertThat(status.required()).isEqualTo(required);
    assertThat(status.met()).isEqualTo(expectedMet);
    assertThat(status.missing()).isEqualTo(expectedMissing);
    assertThat(status.sortedMissing()).containsExactlyElementsOf(expectedMissing);
    assertThat(status.isSatisfied()).isEqualTo(expectedMissing.isEmpty());
  }

  @Test
  void missing_roles_are_listed_in_name_order() {
    ApprovalStatus status = AccreditationRouter.status(Set.of(VP, SRE, "security"), List.of(), ROLES);

    assertThat(status.sortedMissing()).containsExactly("security", SRE, VP);
    assertThat(status.isSatisfied()).isFalse();
  }

  private static ApprovalPolicy policy(String name, ApprovalRule... rules) {
    return new ApprovalPolicy(Metadata.named(name), Arrays.asList(rules), Origin.of("policies/" + name + ".yaml"));
  }

  private static ApprovalRule rule(
      Set<String> environments, Set<PlanType> planTypes, Set<Criticality> criticality, Set<String> requiredRoles) {
    return new ApprovalRule(environments, planTypes, criticality, requiredRoles);
  }

  private static Role role(String name, String... emails) {
    List<Member> members = Arrays.stream(emails).map(e -> new Member(e, List.of())).toList();
    return new Role(Metadata.named(name), members, Origin.of("policies/roles.yaml"));
  }

  private static Approval by(String email) {
    return new Approval(email, Optional.empty(), Optional.empty());
  }

  private static Approval by(String email, String role) {
    return new Approval(email, Optional.of(role), Optional.empty());
  }
}
