package io.apollo.spoke.operator.sls;

import io.apollo.core.config.EntityId;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.spoke.operator.OperatorResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Moves an entity to a version (install, upgrade, rollback) or onto a new config (config update), leaving the
 * version that was running running when the move fails.
 */
final class VersionSwitch {
  private final WorkFolder work;
  private final Distributions distributions;
  private final ServiceControl control;
  private final int keptVersions;

  VersionSwitch(WorkFolder work, Distributions distributions, ServiceControl control, int keptVersions) {
    this.work = work;
    this.distributions = distributions;
    this.control = control;
    this.keptVersions = keptVersions;
  }

  /** install, upgrade and rollback: the same story, from whatever runs now to the plan's target. */
  OperatorResult deploy(PlanMessage plan) {
    EntityId id = plan.entity();
    Version target = plan.toVersion().orElseThrow();
    Path entityDir = work.entity(id);
    Optional<EntityRecord> before = EntityRecord.read(entityDir);
    Optional<Version> old = before.flatMap(EntityRecord::current);

    // 1. Fetch, verify and unpack the target (or reuse its kept folder). Nothing runs differently yet.
    Path dist = distributions.prepare(plan, target, old);
    // 2. Check the manifest names this product and version; write the config where the service reads it.
    Manifest manifest = Manifest.readAndCheck(dist, plan.product(), target);
    ServiceConfig.write(work, dist, manifest.productName(), plan.config(), plan.configDigest());
    // 3. Stop what runs now: the recorded version, and any other a spoke that stopped in the middle of an earlier
    //    plan left running (the target too: it restarts with the config just written).
    List<Version> ran = new ArrayList<>();
    try {
      stopAllRunning(id, old, ran);
      // 4. Start the target and wait until it is healthy.
      control.startHealthy(dist);
    } catch (RuntimeException e) {
      // 5. It did not come up (or what ran would not stop): stop it, and bring back the version that ran before.
      SlsFailure failure = SlsFailure.of(e);
      String cleanup = control.stopQuietly(dist);
      Restored restored = restore(id, ran.stream().findFirst());
      return OperatorResult.failed(restored.running(), failure.reason().wireName(),
          "plan " + plan.id() + ": switching " + id + " to " + target + " failed: " + failure.getMessage() + cleanup
              + restored.words());
    }
    // 6. Remember what runs, and drop version folders beyond the ones kept for fast rollbacks.
    EntityRecord after = before.orElse(EntityRecord.none(manifest.productName()))
        .running(manifest.productName(), target, plan.configDigest());
    after.write(work, entityDir);
    Set<String> keep = new HashSet<>(after.recent().subList(0, Math.min(after.recent().size(), keptVersions + 1)));
    distributions.prune(id, keep, control);
    return OperatorResult.succeeded(Optional.of(target), plan.type().wireName() + " of " + id + " to " + target
        + " done" + old.filter(v -> !v.equals(target)).map(v -> " (was " + v + ")").orElse("")
        + "; the service is healthy");
  }

  /** config_update: rewrite the running version's config and restart it; on failure put the old config back. */
  OperatorResult reconfigure(PlanMessage plan) {
    EntityId id = plan.entity();
    Path entityDir = work.entity(id);
    EntityRecord record = EntityRecord.read(entityDir).orElseThrow(() -> notInstalled(plan, "nothing is installed"));
    Version current = record.current().orElseThrow(() -> notInstalled(plan, "nothing is installed"));
    Version wanted = plan.toVersion().orElseThrow();
    if (!current.equals(wanted)) {
      throw notInstalled(plan, current + " is installed, not " + wanted + " (plan the upgrade or rollback instead)");
    }
    Path dist = work.version(id, current);

    // 1. Keep the config in force, then write the new one.
    Optional<String> previous = ServiceConfig.current(dist, record.productName());
    Optional<String> previousDigest = ServiceConfig.digest(dist);
    ServiceConfig.write(work, dist, record.productName(), plan.config(), plan.configDigest());
    // 2. Restart with it.
    try {
      control.stop(dist);
      control.startHealthy(dist);
    } catch (RuntimeException e) {
      SlsFailure failure = SlsFailure.of(e);
      // 3. It did not come up with the new config: put the old one back and restart with it.
      String cleanup = control.stopQuietly(dist);
      ServiceConfig.restore(work, dist, record.productName(), previous, previousDigest);
      Restored restored = restore(id, Optional.of(current));
      return OperatorResult.failed(restored.running(), failure.reason().wireName(),
          "plan " + plan.id() + ": " + id + " did not come up with the new config: " + failure.getMessage() + cleanup
              + " The previous config is back in place." + restored.words());
    }
    // 4. Remember the digest now in force.
    record.running(record.productName(), current, plan.configDigest()).write(work, entityDir);
    return OperatorResult.succeeded(Optional.of(current),
        "config_update of " + id + " done; " + current + " restarted with the new config and is healthy");
  }

  /**
   * Stops every version of {@code id} that runs, the recorded one first, adding each to {@code ran} before it is
   * stopped (so that a failure half-way still knows what to bring back).
   */
  private void stopAllRunning(EntityId id, Optional<Version> recorded, List<Version> ran) {
    List<Version> versions = new ArrayList<>(distributions.onDisk(id));
    recorded.ifPresent(v -> {
      versions.remove(v);
      versions.addFirst(v);
    });
    for (Version v : versions) {
      Path dist = work.version(id, v);
      if (Files.isDirectory(dist) && control.isRunning(dist)) {
        ran.add(v);
        control.stop(dist);
      }
    }
  }

  /** What runs after a failed switch, and the words that say so. */
  private record Restored(Optional<Version> running, String words) {}

  private Restored restore(EntityId id, Optional<Version> previous) {
    if (previous.isEmpty()) {
      return new Restored(Optional.empty(), " Nothing was running before, so nothing runs now.");
    }
    Version version = previous.get();
    Path dist = work.version(id, version);
    try {
      control.startHealthy(dist);
      return new Restored(previous, " " + version + " is running again and healthy.");
    } catch (SlsFailure e) {
      boolean running = control.isRunning(dist);
      return new Restored(running ? previous : Optional.empty(), " Restarting " + version + " failed too"
          + (running ? " (it runs, unhealthy): " : " (it is not running): ") + e.getMessage());
    }
  }

  private static SlsFailure notInstalled(PlanMessage plan, String why) {
    return new SlsFailure(SlsReason.NOT_INSTALLED, "plan " + plan.id() + ": cannot update the config of "
        + plan.entity() + ": " + why);
  }
}
