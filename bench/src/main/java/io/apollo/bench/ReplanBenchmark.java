package io.apollo.bench;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.EntityId;
import io.apollo.core.constraint.ConstraintEvaluator;
import io.apollo.core.plan.Planner;
import io.apollo.core.plan.PlanningInput;
import io.apollo.core.plan.PlanningPasses;
import io.apollo.core.plan.PlanningResult;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.Health;
import io.apollo.core.report.ReportedState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hub's planning pass after a small change (issue 18), with {@link PlanningPasses} as the hub plans: each
 * invocation plans the other of two inputs that differ in one entity's definition ({@code replanOneEntity}: its
 * {@code replicas}, as a one-file commit changes it) or in one spoke's reports ({@code replanOneSpokesReports}: its
 * ten entities turn unhealthy, or healthy again). {@code fullPlan} is the whole fleet for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ReplanBenchmark {
  private static final Instant AT = Instant.parse("2026-12-05T03:00:00Z");

  @Param({"10000"})
  public int entities;

  private PlanningInput[] byEntity;
  private PlanningInput[] byReports;
  private PlanningPasses entityPasses;
  private PlanningPasses reportPasses;
  private int turn;

  @Setup(Level.Trial)
  public void writeFleet() {
    DesiredState desired = SyntheticFleet.writeValid(entities).loaded().state();
    ReportedState reported = SyntheticReports.running(desired, AT);
    Entity one = desired.entities().values().stream().skip(desired.entities().size() / 2).findFirst().orElseThrow();
    Map<String, Object> config = new HashMap<>(one.config());
    config.put("replicas", 7);
    Entity changed = new Entity(one.metadata(), one.id(), one.product(), one.spoke(), one.version(), one.channel(),
        config, one.configDigest() + "0", one.state(), one.origin(), one.canary());
    TreeMap<EntityId, Entity> edited = new TreeMap<>(desired.entities());
    edited.put(one.id(), changed);
    DesiredState other = new DesiredState(desired.products(), desired.releases(), desired.environments(), edited,
        desired.constraints(), desired.approvalPolicies(), desired.roles(), desired.plans(),
        desired.invalidEntities(), desired.notifications(), desired.holds());
    byEntity = new PlanningInput[] {PlanningInput.of(desired, reported, AT), PlanningInput.of(other, reported, AT)};

    Map<EntityId, EntityReport> unhealthy = new HashMap<>(reported.entities());
    List<Entity> spoke = desired.entities().values().stream().filter(e -> e.spoke().equals(one.spoke())).toList();
    for (Entity e : spoke) {
      EntityReport r = unhealthy.get(e.id());
      unhealthy.put(e.id(), new EntityReport(r.entity(), r.product(), r.version(), EntityState.DEGRADED,
          Health.UNHEALTHY, r.configDigest(), r.lastPlanId(), r.lastPlanOutcome(), r.lastHealthyVersion(), "",
          r.observedAt()));
    }
    byReports = new PlanningInput[] {PlanningInput.of(desired, reported, AT),
        PlanningInput.of(desired, new ReportedState(unhealthy), AT)};
    entityPasses = new PlanningPasses(new Planner(new ConstraintEvaluator()));
    reportPasses = new PlanningPasses(new Planner(new ConstraintEvaluator()));
    entityPasses.plan(byEntity[0]);
    reportPasses.plan(byReports[0]);
  }

  @Benchmark
  public PlanningResult replanOneEntity() {
    return entityPasses.plan(byEntity[++turn & 1]);
  }

  @Benchmark
  public PlanningResult replanOneSpokesReports() {
    return reportPasses.plan(byReports[++turn & 1]);
  }

  @Benchmark
  public PlanningResult fullPlan() {
    return new Planner(new ConstraintEvaluator()).plan(byEntity[++turn & 1]);
  }
}
