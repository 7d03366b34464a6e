package io.apollo.core.plan;

import io.apollo.core.config.PlanType;
import io.apollo.core.config.Release;
import io.apollo.core.version.Version;
import java.util.Objects;
import java.util.Optional;

/** What to do about one entity: a change to propose, or why none (exactly one of the two). */
record Action(Optional<Change> change, Optional<NoPlan> noPlan) {
  Action {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(noPlan, "noPlan");
    if (change.isPresent() == noPlan.isPresent()) {
      throw new IllegalArgumentException("an action is a change or a reason for none");
    }
  }

  /**
   * A change towards {@code to} ({@code release} when desired state has one; both empty for an uninstall), with the
   * reason it exists and a line for people.
   */
  record Change(
      PlanType type, Optional<Version> to, Optional<Release> release, PlanReason reason, String message) {
    Change {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(release, "release");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }

  static Action propose(PlanType type, Release release, PlanReason reason, String message) {
    return new Action(
        Optional.of(new Change(type, Optional.of(release.version()), Optional.of(release), reason, message)),
        Optional.empty());
  }

  static Action propose(PlanType type, Version to, Optional<Release> release, PlanReason reason, String message) {
    return new Action(Optional.of(new Change(type, Optional.of(to), release, reason, message)), Optional.empty());
  }

  static Action uninstall(String message) {
    return new Action(
        Optional.of(new Change(PlanType.UNINSTALL, Optional.empty(), Optional.empty(), PlanReason.ABSENT, message)),
        Optional.empty());
  }

  static Action none(NoPlanReason reason, String message) {
    return new Action(Optional.empty(), Optional.of(new NoPlan(reason, message)));
  }

  boolean isChange() {
    return change.isPresent();
  }
}
