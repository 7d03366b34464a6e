package io.apollo.core.forecast;

/** Why a waiting plan lands when the forecast says, or why it never does. */
public enum LandingReason {
  /** Nothing time-bound holds it: it could proceed now (a pending plan once approved). */
  NOW,
  /** It waits for the first moment every window and freeze that selects it holds at once. */
  WINDOW,
  /** It waits for a promotion bake to end on its source entities, then for its windows and freezes. */
  AFTER_BAKE,
  /** A promotion gate holds it and its source does not bake the release now: it waits for the source to change. */
  BAKE_UNMET,
  /** It waits for a plan of a product it depends on, in the same environment, to land first. */
  AFTER_DEPENDENCY,
  /** A dependency it needs is not met and no waiting plan will meet it: it waits for a change nobody has planned. */
  DEPENDENCY_UNMET,
  /** No moment within the search range has every window open and no freeze: it can never land as configured. */
  NEVER_WINDOW,
  /** A role it still needs has no members (or is not defined): nobody can approve it. */
  NEVER_ROLE
}
