package io.apollo.spoke.operator.helm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The helm command lines of the operator (without the binary), one method per command; pure, so the mapping from
 * plan to helm is tested on its own. Changes wait for the cluster ({@code --wait}) up to {@code waitTimeout};
 * install and upgrade take the values file, a {@link RevisionNote} as the revision's description, and the
 * registry credentials when there are any. An upgrade resets values to the chart's defaults plus the given file
 * ({@code --reset-values}): what runs is exactly the plan's config, never the previous revision's left-overs.
 */
final class HelmArguments {
  private final HelmSettings settings;

  HelmArguments(HelmSettings settings) {
    this.settings = settings;
  }

  List<String> template(ReleaseName release, ChartRef chart, Path values) {
    List<String> args = new ArrayList<>(List.of("template", release.value()));
    args.addAll(chart.args());
    args.addAll(List.of("--namespace", settings.namespace(), "--values", values.toString()));
    args.addAll(credentials());
    return args;
  }

  List<String> install(ReleaseName release, ChartRef chart, Path values, RevisionNote note) {
    List<String> args = new ArrayList<>(List.of("install", release.value()));
    args.addAll(chart.args());
    args.addAll(deploy(values, note));
    return args;
  }

  List<String> upgrade(ReleaseName release, ChartRef chart, Path values, RevisionNote note) {
    List<String> args = new ArrayList<>(List.of("upgrade", release.value()));
    args.addAll(chart.args());
    args.add("--reset-values");
    args.addAll(deploy(values, note));
    return args;
  }

  List<String> rollback(ReleaseName release, int revision) {
    List<String> args = new ArrayList<>(List.of("rollback", release.value(), Integer.toString(revision)));
    args.addAll(waitForCluster());
    return args;
  }

  List<String> uninstall(ReleaseName release) {
    List<String> args = new ArrayList<>(List.of("uninstall", release.value()));
    args.addAll(waitForCluster());
    return args;
  }

  List<String> status(ReleaseName release) {
    return List.of("status", release.value(), "--namespace", settings.namespace(), "--output", "json");
  }

  List<String> history(ReleaseName release) {
    return List.of("history", release.value(), "--namespace", settings.namespace(), "--output", "json",
        "--max", "256");
  }

  private List<String> deploy(Path values, RevisionNote note) {
    List<String> args = new ArrayList<>(List.of("--values", values.toString(), "--description", note.text()));
    args.addAll(waitForCluster());
    args.addAll(credentials());
    args.addAll(settings.extraDeployArgs());
    return args;
  }

  private List<String> waitForCluster() {
    return List.of("--namespace", settings.namespace(), "--wait", "--timeout", goDuration(settings.waitTimeout()));
  }

  private List<String> credentials() {
    return settings.registry()
        .map(r -> List.of("--username", r.username(), "--password", r.password()))
        .orElse(List.of());
  }

  /** helm reads Go durations; whole seconds are enough for a time limit. */
  static String goDuration(Duration d) {
    return Math.max(1, d.toSeconds()) + "s";
  }
}
