package io.apollo.reconciler.store;

/** Where the hub has put a plan in git (DESIGN.md section 4). */
public enum GitPlace {
  /** Not written to git yet (a blocked plan that needs no approval waits here until it clears). */
  NONE,
  /** Proposed on its branch {@code apollo/plan/<id>}, waiting for a merge. */
  PROPOSED,
  /** On the governed branch: committed by the hub (no approval needed) or merged by a person. */
  ON_MAIN,
  /** Its branch was deleted because the plan was superseded. */
  WITHDRAWN
}
