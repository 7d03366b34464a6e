package io.apollo.reconciler.audit;

/** The kinds of step an audit record lists, in the order they usually come. */
public enum AuditStep {
  /** The hub made the plan from a commit of desired state (and, for one needing approval, proposed a branch). */
  PROPOSED,
  /** The constraints' verdict on the plan changed (or was first given): the violations from then on. */
  VERDICT,
  /** An approval git records for the plan: accepted for a role, or refused with the reason. */
  APPROVAL,
  /** The plan entered a lifecycle state (plan history). */
  STATE,
  /** A try at handing the plan to its spoke: acknowledged or not. */
  DISPATCH,
  /** What the spoke reported of the plan: the outcome it ran to. */
  OUTCOME
}
