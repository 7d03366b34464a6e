package io.apollo.reconciler.store;

import io.apollo.reconciler.ReconcilerException;

/**
 * A write refused because another hub took leadership since this store's hub did: its epoch is older than the
 * store's (reason {@code STALE_EPOCH}). The deposed hub must stop acting; nothing of the refused write was kept.
 */
public final class StaleEpochException extends ReconcilerException {
  /** The machine-readable reason beside the message. */
  public static final String REASON = "STALE_EPOCH";

  private final long epoch;

  StaleEpochException(String what, long epoch, long current) {
    super("refused to " + what + ": this hub led under epoch " + epoch + " but another hub took leadership since"
        + " (epoch " + current + "); a deposed hub writes nothing (reason " + REASON + ")");
    this.epoch = epoch;
  }

  /** The epoch the refused write carried. */
  public long epoch() {
    return epoch;
  }

  public String reason() {
    return REASON;
  }
}
