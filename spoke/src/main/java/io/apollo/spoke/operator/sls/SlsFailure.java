package io.apollo.spoke.operator.sls;

import java.util.Objects;

/**
 * A step of an sls plan failed. Never leaves this package: {@link SlsOperator} turns it into a failed
 * {@link io.apollo.spoke.operator.OperatorResult} carrying {@link #reason()} and the message.
 */
final class SlsFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final SlsReason reason;

  SlsFailure(SlsReason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  SlsFailure(SlsReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  SlsReason reason() {
    return reason;
  }

  /** {@code e} itself when it is an {@link SlsFailure}, else an {@link SlsReason#UNEXPECTED} failure wrapping it. */
  static SlsFailure of(RuntimeException e) {
    return e instanceof SlsFailure f ? f : new SlsFailure(SlsReason.UNEXPECTED, "unexpected " + e, e);
  }
}
