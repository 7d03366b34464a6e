package io.apollo.reconciler.lead;

/** What a hub is doing about leadership, as {@code /healthz} and {@code /v1/status} say it. */
public enum Role {
  /** This hub holds leadership: it plans, proposes, records approvals and dispatches. */
  LEADER,
  /** Another hub leads (or none yet): this one serves reads from the store and tries to take over every second. */
  FOLLOWER;

  /** The wire name: {@code leader} or {@code follower}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
