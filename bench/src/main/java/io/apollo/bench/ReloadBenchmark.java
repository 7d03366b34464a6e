package io.apollo.bench;

import io.apollo.core.ApolloException;
import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.ConfigSource;
import io.apollo.core.load.IncrementalLoad;
import io.apollo.core.load.LoadResult;
import io.apollo.core.load.ParseCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The hub's load of a commit that changed one entity file, in the GitOps layout (one document a file, 13,522 files at
 * 10,000 entities): {@code incremental} through {@link IncrementalLoad}, {@code fullWithParseCache} as the hub did
 * before it (every file's cached result assembled and checked again). Each invocation loads the other of two trees
 * that differ in one staging entity's {@code replicas}, from memory with content-hash blob ids as a git commit has;
 * both are listed beforehand, so the listing (the hub's {@code list} step) is not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ReloadBenchmark {
  @Param({"10000"})
  public int entities;

  /** What the second tree changes: one entity file, or that and a new plan file (as the hub's own plan commits). */
  @Param({"entity", "entity-and-plan"})
  public String change;

  private static final String PLAN = """
      apiVersion: apollo/v1
      kind: Plan
      metadata:
        name: 3f1c9a7b2d
      spec:
        entity: staging/svc-0
        type: upgrade
        product: com.example:product-0
        spoke: staging-s000
        fromVersion: "1.0.0"
        toVersion: "1.1.0"
        configDigest: sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
        computedFrom: 1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e
      """;

  private final ConfigLoader loader = ConfigLoader.withDefaults();
  private Tree[] trees;
  private int next;
  private IncrementalLoad incremental;
  private ParseCache cache;

  @Setup(Level.Trial)
  public void writeFleet() throws IOException {
    Path repo = Files.createTempDirectory("apollo-reload-");
    SyntheticFleet.write(repo, entities, 42, SyntheticFleet.Layout.GITOPS);
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(repo)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(repo.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    String changed = files.keySet().stream().filter(p -> p.startsWith("entities/staging-")).findFirst()
        .orElseThrow();
    Map<String, byte[]> other = new TreeMap<>(files);
    other.put(changed, new String(files.get(changed), StandardCharsets.UTF_8)
        .replaceFirst("replicas: \\d+", "replicas: 17").getBytes(StandardCharsets.UTF_8));
    if (change.equals("entity-and-plan")) {
      other.put("plans/staging/3f1c9a7b2d.yaml", PLAN.getBytes(StandardCharsets.UTF_8));
    }
    trees = new Tree[] {new Tree(files), new Tree(other)};
    for (Tree tree : trees) {
      LoadResult loaded = loader.load(tree);
      if (!loaded.isValid()) {
        throw new IllegalStateException("synthetic fleet is invalid: " + loaded.problems().get(0));
      }
    }
    incremental = new IncrementalLoad(loader);
    incremental.load(trees[0], Runnable::run);
    cache = new ParseCache();
    loader.load(trees[0], Runnable::run, cache);
  }

  @Benchmark
  public LoadResult incremental() {
    return incremental.load(trees[next++ & 1], Runnable::run);
  }

  @Benchmark
  public LoadResult fullWithParseCache() {
    return loader.load(trees[next++ & 1], Runnable::run, cache);
  }

  /** A tree in memory, listed once, blob ids the SHA-1 of the content. */
  private static final class Tree implements ConfigSource {
    private final Map<String, byte[]> files;
    private final Listing listing;

    Tree(Map<String, byte[]> files) {
      this.files = files;
      List<Entry> entries = new ArrayList<>();
      files.forEach((path, bytes) -> entries.add(new Entry(path, bytes.length, sha1(bytes))));
      this.listing = new Listing(entries, List.of());
    }

    @Override
    public Listing list() {
      return listing;
    }

    @Override
    public byte[] read(Entry entry) {
      byte[] bytes = files.get(entry.path());
      if (bytes == null) {
        throw new ApolloException("no file " + entry.path());
      }
      return bytes;
    }

    private static String sha1(byte[] bytes) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
