package io.apollo.spoke.operator.sls;

import io.apollo.core.config.EntityId;
import io.apollo.core.config.ProductType;
import io.apollo.core.report.Health;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.spoke.operator.Observation;
import io.apollo.spoke.operator.Operator;
import io.apollo.spoke.operator.OperatorResult;
import io.apollo.spoke.operator.sls.ServiceControl.Probe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code sls} operator: runs SLS distributions as local processes under {@code <workDir>/sls/} (layout in
 * {@link WorkFolder} and docs/spoke-sls.md).
 *
 * <ul>
 *   <li>install, upgrade, rollback: fetch and verify the artifact, unpack it into its own version folder, write the
 *       config to {@code var/conf/<product-name>.yml}, stop the old version, start the target, wait until
 *       {@code init.sh check} passes; when it does not, stop it and start the old version again.
 *   <li>config_update: rewrite the config and restart; when that fails, the old config is put back and restarted.
 *   <li>uninstall: stop every version of the entity and remove its folder.
 * </ul>
 *
 * <p>Thread-safe for different entities; the agent never runs two plans of one entity at once. Blocking throughout.
 */
public final class SlsOperator implements Operator {
  private final WorkFolder work;
  private final ServiceControl control;
  private final Distributions distributions;
  private final VersionSwitch versionSwitch;

  /** An operator keeping its files under {@code <workDir>/sls/}, within {@code limits}. */
  public SlsOperator(Path workDir, SlsLimits limits) {
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(limits, "limits");
    this.work = new WorkFolder(workDir);
    this.control = new ServiceControl(limits);
    this.distributions = new Distributions(work, limits);
    this.versionSwitch = new VersionSwitch(work, distributions, control, limits.keptVersions());
  }

  @Override
  public OperatorResult run(PlanMessage plan) {
    Objects.requireNonNull(plan, "plan");
    try {
      if (plan.productType() != ProductType.SLS_SERVICE) {
        throw new SlsFailure(SlsReason.INVALID_PLAN, "plan " + plan.id() + " is for a " + plan.productType().wireName()
            + "; the sls operator runs sls-service products only");
      }
      return switch (plan.type()) {
        case INSTALL, UPGRADE, ROLLBACK -> versionSwitch.deploy(plan);
        case CONFIG_UPDATE -> versionSwitch.reconfigure(plan);
        case UNINSTALL -> uninstall(plan);
      };
    } catch (RuntimeException e) {
      // Never thrown to the agent (the Operator contract): a bug, too, is a failed plan whose message says what.
      SlsFailure failure = SlsFailure.of(e);
      return OperatorResult.failed(runningNow(plan.entity()), failure.reason().wireName(),
          failure.getMessage().startsWith("plan ") ? failure.getMessage()
              : "plan " + plan.id() + " (" + plan.type().wireName() + " of " + plan.entity() + "): "
                  + failure.getMessage());
    }
  }

  /**
   * The recorded version and its health; but when it does not run and another version of the entity does (a spoke
   * that stopped in the middle of a switch, before its record was written), that other version: the host's truth
   * wins over the record.
   */
  @Override
  public Observation observe(EntityId entity) {
    Objects.requireNonNull(entity, "entity");
    Optional<EntityRecord> record;
    try {
      record = EntityRecord.read(work.entity(entity));
    } catch (SlsFailure e) {
      return new Observation(Optional.empty(), Optional.empty(), Health.UNKNOWN, e.getMessage());
    }
    Optional<Version> current = record.flatMap(EntityRecord::current);
    Optional<String> digest = record.flatMap(EntityRecord::configDigest);
    Optional<Path> dist = current.map(v -> work.version(entity, v));
    Optional<Probe> probe = dist.filter(Files::isDirectory).map(control::probe);
    if (probe.isPresent() && probe.get().running()) {
      return new Observation(current, digest, probe.get().health(), probe.get().message());
    }
    try {
      for (Version other : distributions.onDisk(entity)) {
        Path otherDist = work.version(entity, other);
        if (!current.equals(Optional.of(other)) && control.isRunning(otherDist)) {
          Probe seen = control.probe(otherDist);
          return new Observation(Optional.of(other), ServiceConfig.digest(otherDist), seen.health(),
              other + " runs, not the recorded " + current.map(Version::toString).orElse("(none)")
                  + " (the spoke stopped in the middle of a plan?): " + seen.message());
        }
      }
    } catch (SlsFailure e) {
      // The folder cannot be listed: say what the record says, with the probe's words.
    }
    if (current.isEmpty()) {
      return Observation.nothingInstalled();
    }
    if (probe.isEmpty()) {
      return new Observation(current, digest, Health.UNHEALTHY,
          "the folder of " + current.get() + " is missing: " + dist.get() + " (reinstall the entity)");
    }
    return new Observation(current, digest, probe.get().health(), probe.get().message());
  }

  /** uninstall: stop whatever version of the entity runs (not only the recorded one), then remove its folder. */
  private OperatorResult uninstall(PlanMessage plan) {
    EntityId id = plan.entity();
    Path entityDir = work.entity(id);
    if (!Files.exists(entityDir)) {
      return OperatorResult.succeeded(Optional.empty(), "uninstall of " + id + ": nothing was installed");
    }
    for (Version v : distributions.onDisk(id)) {
      Path dist = work.version(id, v);
      if (control.isRunning(dist)) {
        control.stop(dist);
      }
    }
    work.deleteTree(entityDir);
    return OperatorResult.succeeded(Optional.empty(), "uninstall of " + id + " done: stopped and removed " + entityDir);
  }

  /** The recorded version when its service runs; for the result of a plan that failed before switching. */
  private Optional<Version> runningNow(EntityId id) {
    try {
      return EntityRecord.read(work.entity(id)).flatMap(EntityRecord::current)
          .filter(v -> control.isRunning(work.version(id, v)));
    } catch (SlsFailure | IllegalStateException e) {
      return Optional.empty();
    }
  }
}
