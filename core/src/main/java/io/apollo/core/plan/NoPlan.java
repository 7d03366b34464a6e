package io.apollo.core.plan;

import java.util.Objects;

/** Why an entity gets no plan in this pass, for machines ({@code reason}) and people ({@code message}). */
public record NoPlan(NoPlanReason reason, String message) {
  public NoPlan {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
