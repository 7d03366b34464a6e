package io.apollo.core.forecast;

/** What a band on the calendar is. */
public enum BandKind {
  /** A maintenance window: plans it selects may run only inside one. */
  WINDOW,
  /** A freeze (suppression window): no plan it selects may run inside it. */
  FREEZE,
  /** A promotion bake: plans of the environment that wait for it proceed no earlier than its end. */
  BAKE
}
