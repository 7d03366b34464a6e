package io.apollo.reconciler.lead;

import java.util.Objects;

/**
 * This hub's part in leadership for the API: its {@code role}, the fencing {@code epoch} it leads under (0 when it
 * follows), {@code store} ({@code sqlite} or {@code postgresql}), and {@code reason}/{@code message} saying why in
 * words (a machine reason beside the human message).
 */
public record LeaderStatus(Role role, long epoch, String store, String reason, String message) {
  public LeaderStatus {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
