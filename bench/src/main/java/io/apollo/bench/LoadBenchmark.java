package io.apollo.bench;

import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.LoadResult;
import java.nio.file.Path;
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

/** Loading and validating a whole repository from disk: list, parse, schema-validate, map, cross-check. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class LoadBenchmark {
  @Param({"1000", "10000"})
  public int entities;

  private Path repo;
  private ConfigLoader loader;

  @Setup(Level.Trial)
  public void writeFleet() {
    repo = SyntheticFleet.writeValid(entities).repo();
    loader = ConfigLoader.withDefaults();
  }

  @Benchmark
  public LoadResult loadAndValidate() {
    return loader.load(repo);
  }
}
