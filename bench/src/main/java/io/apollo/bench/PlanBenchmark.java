package io.apollo.bench;

import io.apollo.core.config.DesiredState;
import io.apollo.core.constraint.ConstraintEvaluator;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.FileTreeSource;
import io.apollo.core.load.yaml.YamlLimits;
import io.apollo.core.plan.Planner;
import io.apollo.core.plan.PlanningInput;
import io.apollo.core.plan.PlanningResult;
import io.apollo.core.report.ReportedState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning a whole fleet: {@code planOnly} with the repository already loaded (the hub's steady state, where only
 * reports or the clock changed), and {@code loadValidateAndPlan} from files on disk (a new commit, or the CLI).
 * Planned at a Saturday 03:00 London, inside the production windows, so constraint evaluation runs to the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class PlanBenchmark {
  private static final Instant AT = Instant.parse("2026-12-05T03:00:00Z");

  @Param({"1000", "10000"})
  public int entities;

  private Path repo;
  private ConfigLoader loader;
  private DesiredState desired;
  private ReportedState reported;
  private ExecutorService workers;

  @Setup(Level.Trial)
  public void writeFleet() {
    SyntheticFleet.OnDisk fleet = SyntheticFleet.writeValid(entities);
    repo = fleet.repo();
    loader = ConfigLoader.withDefaults();
    desired = fleet.loaded().state();
    reported = SyntheticReports.running(desired, AT);
    workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
  }

  @Benchmark
  public PlanningResult planOnly() {
    return new Planner(new ConstraintEvaluator()).plan(PlanningInput.of(desired, reported, AT));
  }

  @Benchmark
  public PlanningResult loadValidateAndPlan() {
    DesiredState fresh = loader.load(repo).state();
    return new Planner(new ConstraintEvaluator()).plan(PlanningInput.of(fresh, reported, AT));
  }

  /** As the CLI and hub load: files parsed and validated on one worker per core. */
  @Benchmark
  public PlanningResult loadOnAllCoresValidateAndPlan() {
    DesiredState fresh = loader.load(new FileTreeSource(repo, YamlLimits.defaults().maxFileBytes()), workers).state();
    return new Planner(new ConstraintEvaluator()).plan(PlanningInput.of(fresh, reported, AT));
  }

  @TearDown(Level.Trial)
  public void stopWorkers() {
    workers.shutdownNow();
  }
}
