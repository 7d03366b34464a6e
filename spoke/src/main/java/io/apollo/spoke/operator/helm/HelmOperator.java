package io.apollo.spoke.operator.helm;

import io.apollo.core.config.EntityId;
import io.apollo.core.report.Health;
import io.apollo.core.version.Version;
import io.apollo.core.wire.PlanMessage;
import io.apollo.spoke.operator.Observation;
import io.apollo.spoke.operator.Operator;
import io.apollo.spoke.operator.OperatorResult;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@code helm-chart} plans with the helm CLI (see the package documentation for the story of a plan and
 * docs/spoke-helm.md for what a host needs). install maps to {@code helm install}; upgrade and config_update to
 * {@code helm upgrade} (a config update re-deploys the same chart version with the new values only); rollback to
 * {@code helm rollback} to the newest revision that ran the target version, or, when helm's history no longer holds
 * one, to an upgrade to the plan's chart; uninstall to {@code helm uninstall} (a release that is already gone is a
 * success). Every method blocks.
 */
public final class HelmOperator implements Operator {
  private final HelmSettings settings;
  private final HelmCli helm;
  private final HelmArguments args;

  /** Runs the real helm binary of {@code settings}. */
  public HelmOperator(HelmSettings settings) {
    this(settings, new ProcessCommandRunner());
  }

  /** Runs helm through {@code runner} (tests stand in for helm here). */
  public HelmOperator(HelmSettings settings, CommandRunner runner) {
    this.settings = settings;
    this.helm = new HelmCli(runner, settings);
    this.args = new HelmArguments(settings);
  }

  @Override
  public OperatorResult run(PlanMessage plan) {
    ReleaseName release = ReleaseName.of(plan.entity());
    Redactor redactor = Redactor.of(settings, plan.config());
    try {
      return switch (plan.type()) {
        case INSTALL -> deploy(plan, release, redactor, true);
        case UPGRADE, CONFIG_UPDATE -> deploy(plan, release, redactor, false);
        case ROLLBACK -> rollback(plan, release, redactor);
        case UNINSTALL -> uninstall(plan, release, redactor);
      };
    } catch (UncheckedIOException e) {
      return OperatorResult.failed(plan.fromVersion(), "spoke_io_failed",
          redactor.redact(e.getMessage() + ": " + e.getCause().getMessage()));
    }
  }

  /** Pre-flight with helm template, then install or upgrade; nothing changes when the chart does not render. */
  private OperatorResult deploy(PlanMessage plan, ReleaseName release, Redactor redactor, boolean install) {
    // 1. The chart: a helm plan without one cannot run.
    if (plan.artifact().isEmpty()) {
      return OperatorResult.failed(plan.fromVersion(), "no_chart", "plan " + plan.id() + " for " + plan.entity()
          + " names no chart: a helm-chart release needs an artifact with the chart's uri and chartVersion");
    }
    ChartRef chart = ChartRef.of(plan.artifact().get());
    Version target = plan.toVersion().orElseThrow();
    RevisionNote note = new RevisionNote(target, plan.configDigest(), plan.id());
    try (ValuesFile values = ValuesFile.write(settings.helmHome().resolve("values"), plan.config())) {
      // 2. Pre-flight: the chart renders with these values, or the plan fails with helm's own words.
      HelmCli.Run preflight = helm.run(args.template(release, chart, values.path()), settings.queryTimeout(),
          redactor);
      if (!preflight.succeeded()) {
        return OperatorResult.failed(plan.fromVersion(), preflight.reason().equals("helm_failed")
            ? "preflight_failed" : preflight.reason(),
            "helm template of " + chart.reference() + " failed, nothing was changed: " + preflight.message());
      }
      // 3. The change itself, waiting for the cluster.
      List<String> command = install ? args.install(release, chart, values.path(), note)
          : args.upgrade(release, chart, values.path(), note);
      HelmCli.Run change = helm.run(command, changeLimit(), redactor);
      if (!change.succeeded()) {
        return OperatorResult.failed(install ? Optional.empty() : plan.fromVersion(), change.reason(),
            "release " + release + ": " + change.message());
      }
    }
    return OperatorResult.succeeded(Optional.of(target), "release " + release + " runs " + target + " (chart "
        + chart.reference() + chart.version().map(v -> " " + v).orElse("") + ")");
  }

  /** Back to the newest revision that ran the target version, else an upgrade to the plan's chart. */
  private OperatorResult rollback(PlanMessage plan, ReleaseName release, Redactor redactor) {
    Version target = plan.toVersion().orElseThrow();
    HelmCli.Run listed = helm.run(args.history(release), settings.queryTimeout(), redactor);
    if (!listed.succeeded()) {
      return OperatorResult.failed(plan.fromVersion(), listed.reason(),
          "cannot read the history of release " + release + ": " + listed.message());
    }
    Optional<Integer> revision;
    try {
      revision = HelmHistory.parse(listed.stdout()).lastGoodRevisionOf(target);
    } catch (IllegalArgumentException e) {
      return OperatorResult.failed(plan.fromVersion(), "helm_output_unreadable",
          "release " + release + ": " + e.getMessage());
    }
    if (revision.isEmpty()) {
      if (plan.artifact().isPresent()) {
        return deploy(plan, release, redactor, false);
      }
      return OperatorResult.failed(plan.fromVersion(), "no_revision", "release " + release
          + " has no revision that ran " + target + " in its history, and the plan names no chart to upgrade to");
    }
    HelmCli.Run back = helm.run(args.rollback(release, revision.get()), changeLimit(), redactor);
    if (!back.succeeded()) {
      return OperatorResult.failed(plan.fromVersion(), back.reason(), "release " + release + ": " + back.message());
    }
    return OperatorResult.succeeded(Optional.of(target),
        "release " + release + " rolled back to revision " + revision.get() + ", which runs " + target);
  }

  private OperatorResult uninstall(PlanMessage plan, ReleaseName release, Redactor redactor) {
    HelmCli.Run removed = helm.run(args.uninstall(release), changeLimit(), redactor);
    if (removed.succeeded()) {
      return OperatorResult.succeeded(Optional.empty(), "release " + release + " uninstalled");
    }
    if (removed.releaseNotFound()) {
      return OperatorResult.succeeded(Optional.empty(), "release " + release + " was not installed");
    }
    return OperatorResult.failed(plan.fromVersion(), removed.reason(), "release " + release + ": "
        + removed.message());
  }

  /**
   * Reads the release with {@code helm status}: its health from helm's status, its version and config digest from
   * the revision's {@link RevisionNote} (following a rollback to the revision it restored); a release Apollo did not
   * write gets the chart's app version, else the chart's version, when either is an SLS version.
   */
  @Override
  public Observation observe(EntityId entity) {
    ReleaseName release = ReleaseName.of(entity);
    Redactor redactor = Redactor.of(settings, Map.of());
    HelmCli.Run shown = helm.run(args.status(release), settings.queryTimeout(), redactor);
    if (!shown.succeeded()) {
      if (shown.releaseNotFound()) {
        return Observation.nothingInstalled();
      }
      return new Observation(Optional.empty(), Optional.empty(), Health.UNKNOWN,
          "cannot read release " + release + ": " + shown.message());
    }
    ReleaseStatus status;
    try {
      status = ReleaseStatus.parse(shown.stdout());
    } catch (IllegalArgumentException e) {
      return new Observation(Optional.empty(), Optional.empty(), Health.UNKNOWN,
          "release " + release + ": " + e.getMessage());
    }
    Optional<RevisionNote> note = RevisionNote.parse(status.description());
    if (note.isEmpty() && RevisionNote.rollbackTarget(status.description()).isPresent()) {
      HelmCli.Run listed = helm.run(args.history(release), settings.queryTimeout(), redactor);
      try {
        note = listed.succeeded() ? HelmHistory.parse(listed.stdout()).noteOf(status.revision()) : note;
      } catch (IllegalArgumentException e) {
        return new Observation(Optional.empty(), Optional.empty(), Health.UNKNOWN,
            "release " + release + ": " + e.getMessage());
      }
    }
    Optional<Version> version = note.map(RevisionNote::version)
        .or(() -> Version.tryParse(status.appVersion()))
        .or(() -> Version.tryParse(status.chartVersion()));
    return new Observation(version, note.map(RevisionNote::configDigest), status.health(),
        "release " + release + " revision " + status.revision() + " is " + status.status()
            + (status.description().isEmpty() ? "" : ": " + redactor.redact(status.description())));
  }

  private Duration changeLimit() {
    return settings.waitTimeout().plus(settings.grace());
  }
}
