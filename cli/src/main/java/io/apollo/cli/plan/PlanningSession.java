package io.apollo.cli.plan;

import io.apollo.cli.Workers;
import io.apollo.core.config.Approval;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.PlanDocument;
import io.apollo.core.constraint.ConstraintEvaluator;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.FileTreeSource;
import io.apollo.core.load.yaml.YamlLimits;
import io.apollo.core.load.LoadResult;
import io.apollo.core.plan.Planner;
import io.apollo.core.plan.PlanningInput;
import io.apollo.core.plan.PlanningResult;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.PlanOutcome;
import io.apollo.core.report.ReportedState;
import io.apollo.core.report.SpokeReportJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code apollo plan} and {@code apollo explain} share: load the repository and the reported state, and plan at
 * an instant, exactly as the hub would for that commit. Approvals come from the Plan documents on the repository's
 * main line; plans a spoke reported as failed are not proposed again.
 */
public record PlanningSession(LoadResult loaded, ReportedState reported, PlanningResult result) {

  public static PlanningSession run(Path repo, Optional<Path> reportedFile, Instant at) {
    LoadResult loaded = Workers.withOnePerCore(pool -> ConfigLoader.withDefaults().load(
        new FileTreeSource(repo, YamlLimits.defaults().maxFileBytes()), pool));
    ReportedState reported =
        reportedFile.map(file -> readReports(file, loaded.state())).orElse(ReportedState.empty());
    return new PlanningSession(loaded, reported, plan(loaded.state(), reported, at));
  }

  /** Plans {@code desired} against {@code reported} at {@code at}, as the hub would for that commit. */
  public static PlanningResult plan(DesiredState desired, ReportedState reported, Instant at) {
    PlanningInput input = new PlanningInput(desired, reported, at, approvals(desired.plans()),
        failedPlans(reported));
    return new Planner(new ConstraintEvaluator()).plan(input);
  }

  /** Reads reports; an entity whose report names no product gets the one desired state gives it. */
  public static ReportedState readReports(Path file, DesiredState desired) {
    try {
      return ReportedState.of(SpokeReportJson.read(file.toString(), Files.readAllBytes(file),
          id -> desired.entity(id).map(Entity::product)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, List<Approval>> approvals(List<PlanDocument> plans) {
    Map<String, List<Approval>> byId = new HashMap<>();
    plans.forEach(p -> byId.put(p.id(), p.approvals()));
    return byId;
  }

  private static Set<String> failedPlans(ReportedState reported) {
    return reported.entities().values().stream()
        .filter(r -> r.lastPlanOutcome().filter(PlanOutcome.FAILED::equals).isPresent())
        .map(EntityReport::lastPlanId)
        .flatMap(Optional::stream)
        .collect(Collectors.toSet());
  }
}
