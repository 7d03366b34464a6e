package io.apollo.cli.diff;

import io.apollo.cli.hubclient.HubClient;
import io.apollo.cli.hubclient.HubReports;
import io.apollo.cli.plan.PlanningSession;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.plan.PlanningResult;
import io.apollo.core.report.ReportedState;
import io.apollo.core.report.SpokeReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The reported state both sides of a diff are planned against, where it came from, and how to say so. From a hub,
 * planning follows the hub's rule that an entity whose spoke has never reported gets no plan (DESIGN.md section 5),
 * so the diff shows what the hub would do; {@code leftOut} names the hub's reports that did not read.
 */
record ReportedSource(Kind kind, ReportedState state, Optional<Set<String>> reportingSpokes, String description,
    List<String> leftOut) {

  /** Where reported state came from. */
  enum Kind {
    /** {@code --reported FILE}. */
    FILE,
    /** The configured hub's {@code GET /v1/reports}. */
    HUB,
    /** Neither: planned as if nothing ran anywhere. */
    NONE;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  ReportedSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reportingSpokes, "reportingSpokes");
    Objects.requireNonNull(description, "description");
    leftOut = List.copyOf(leftOut);
  }

  static ReportedSource none() {
    return new ReportedSource(Kind.NONE, ReportedState.empty(), Optional.empty(),
        "none given, as if nothing ran (pass --reported FILE, or --hub URL)", List.of());
  }

  static ReportedSource file(Path file, DesiredState desired) {
    return new ReportedSource(Kind.FILE, PlanningSession.readReports(file, desired), Optional.empty(),
        "file " + file, List.of());
  }

  static ReportedSource hub(HubClient client, DesiredState desired) {
    HubReports read = HubReports.read(client, id -> desired.entity(id).map(Entity::product));
    Set<String> spokes = read.reports().stream().map(SpokeReport::spoke).collect(Collectors.toCollection(TreeSet::new));
    String description = "hub " + client.base() + " (" + (spokes.isEmpty() ? "no spoke has reported yet"
        : "reports of " + String.join(", ", spokes)) + "; entities on spokes that never reported get no plan, as on"
        + " the hub)";
    return new ReportedSource(Kind.HUB, ReportedState.of(read.reports()), Optional.of(spokes), description,
        read.leftOut());
  }

  /** Plans {@code desired} against this reported state at {@code at}, as the hub would for that commit. */
  PlanningResult plan(DesiredState desired, Instant at) {
    PlanningResult all = PlanningSession.plan(desired, state, at);
    if (reportingSpokes.isEmpty()) {
      return all;
    }
    Set<String> reported = reportingSpokes.get();
    return new PlanningResult(all.at(), all.plans().stream().filter(p -> reported.contains(p.spoke())).toList(),
        all.decisions());
  }
}
