package io.apollo.spoke.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls for an eventual state with a deadline; the failure says what was awaited. Never a sleep as an assertion. */
public final class Eventually {
  private Eventually() {}

  public static <T> T await(String what, Duration limit, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not seen within " + limit.toSeconds() + "s: " + what);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while awaiting " + what, e);
      }
    }
  }

  public static void until(String what, Duration limit, Supplier<Boolean> condition) {
    await(what, limit, () -> condition.get() ? Optional.of(true) : Optional.empty());
  }
}
