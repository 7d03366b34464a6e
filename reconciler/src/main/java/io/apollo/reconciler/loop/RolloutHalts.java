package io.apollo.reconciler.loop;

import io.apollo.core.rollout.Halt;
import io.apollo.core.rollout.HoldFile;
import io.apollo.reconciler.ReconcilerException;
import io.apollo.reconciler.gitsync.ConfigRepository;
import io.apollo.reconciler.gitsync.FileWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Halts rollouts (issue 16): commits a {@code ReleaseHold} to the governed branch for each halt a pass found (a
 * canary failed or degraded on a release), all in one commit, so that the next pass plans with the release held:
 * the others never get it and the canary rolls back off it. The hold in git is the record of the halt (what, where,
 * which canary, why, when); a person lifts it by deleting the file ({@code apollo release unhold}).
 *
 * <p>A hold this hub committed is not committed again while the hub runs, even when the canary still reports the
 * failure: deleting the file is a person's decision that the hub respects. A commit that fails is tried again by the
 * next pass. Owned by the reconcile loop's thread.
 */
final class RolloutHalts {
  private static final Logger LOG = LoggerFactory.getLogger(RolloutHalts.class);

  private final ConfigRepository repository;
  private final Set<String> committed = new HashSet<>();

  RolloutHalts(ConfigRepository repository) {
    this.repository = repository;
  }

  /** Commits the holds of {@code halts} not committed before; returns the halts it committed. */
  List<Halt> commit(List<Halt> halts, Instant now) {
    List<Halt> fresh = halts.stream().filter(h -> !committed.contains(HoldFile.path(h))).toList();
    if (fresh.isEmpty()) {
      return List.of();
    }
    List<FileWrite> files = new ArrayList<>();
    fresh.forEach(h -> files.add(new FileWrite(HoldFile.path(h), HoldFile.render(h, now))));
    String message = "Apollo: halt the rollout of " + String.join(", ", fresh.stream()
        .map(h -> h.product() + " " + h.version()).toList()) + "\n\n"
        + String.join("\n", fresh.stream().map(h -> "- " + h.reason() + ": " + h.message()).toList());
    try {
      String head = repository.commitToBranch(files, message);
      fresh.forEach(h -> {
        committed.add(HoldFile.path(h));
        LOG.warn("Rollout halted ({}): {}; held in {} as {}", h.reason(), h.message(), head, HoldFile.path(h));
      });
      return fresh;
    } catch (ReconcilerException e) {
      LOG.warn("Could not commit {} release hold(s); the next pass tries again: {}", files.size(), e.getMessage());
      return List.of();
    }
  }
}
