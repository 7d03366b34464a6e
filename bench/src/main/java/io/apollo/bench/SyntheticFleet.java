package io.apollo.bench;

import io.apollo.core.load.ConfigLoader;
import io.apollo.core.load.LoadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic config repository of a given number of entities, in realistic proportions: about 500 products
 * per environment ({@code entities / 500} environments, at least 2, half staging and half production, two spokes
 * each), six releases per product (four stable, an rc, a snapshot; every seventh product has a recalled release),
 * SLS product-dependencies on one or two lower-numbered products (a DAG), staging entities following channels and
 * production entities pinned, a maintenance window per production environment, a holiday freeze, a dependency
 * constraint, the seed's approval policy and its roles. Deterministic for a seed.
 *
 * <p>Two {@link Layout}s of the same desired state: documents packed 50 to a file on two spokes per environment, or
 * one document per file on spokes of ten entities each, as GitOps repositories are usually kept (10,000 entities
 * give 13,522 files and 1,000 spokes).
 *
 * <p>From the command line: {@code java -cp bench/target/benchmarks.jar io.apollo.bench.SyntheticFleet DIR ENTITIES
 * [packed|gitops]}.
 */
public final class SyntheticFleet {
  private static final int PRODUCTS_PER_ENVIRONMENT = 500;
  private static final int DOCUMENTS_PER_FILE = 50;
  private static final int ENTITIES_PER_GITOPS_SPOKE = 10;
  private static final String[] STABLE = {"1.0.0", "1.1.0", "1.2.0", "2.0.0"};

  /** How the documents are spread over files and entities over spokes. */
  public enum Layout {
    /** 50 documents a file; two spokes per environment, the first with a url (push), the second polling. */
    PACKED,
    /** One document a file, releases under {@code releases/<product>/}; spokes of ten entities, all polling. */
    GITOPS
  }

  private final Path root;
  private final Layout layout;
  private final int environments;
  private final int products;
  private final Random random;

  private SyntheticFleet(Path root, int entities, long seed, Layout layout) {
    this.root = root;
    this.layout = layout;
    this.environments = Math.max(2, entities / PRODUCTS_PER_ENVIRONMENT);
    this.products = Math.max(4, entities / environments);
    this.random = new Random(seed);
  }

  /** Writes the repository in the packed layout under {@code root} and returns how many entities it holds. */
  public static int write(Path root, int entities, long seed) {
    return write(root, entities, seed, Layout.PACKED);
  }

  /** Writes the repository under {@code root} in {@code layout} and returns how many entities it holds. */
  public static int write(Path root, int entities, long seed, Layout layout) {
    return new SyntheticFleet(root, entities, seed, layout).write();
  }

  /** The spoke an entity of product {@code p} in {@code environment} is placed on, in {@code layout}. */
  public static String spokeOf(String environment, int p, Layout layout) {
    return layout == Layout.PACKED
        ? environment + (p % 2 == 0 ? "-a" : "-b")
        : environment + "-s" + String.format("%03d", p / ENTITIES_PER_GITOPS_SPOKE);
  }

  /** Writes a fleet: {@code DIR ENTITIES [packed|gitops]}; prints the number of entities and files. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: SyntheticFleet DIR ENTITIES [packed|gitops]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    Layout layout = args.length == 3 ? Layout.valueOf(args[2].toUpperCase(java.util.Locale.ROOT)) : Layout.PACKED;
    int entities = write(dir, Integer.parseInt(args[1]), 42, layout);
    try (var files = Files.walk(dir)) {
      System.out.println(entities + " entities, " + files.filter(Files::isRegularFile).count() + " files, layout "
          + layout.name().toLowerCase(java.util.Locale.ROOT) + ", in " + dir);
    }
  }

  /**
   * Writes a fleet into a new temporary folder and loads it once, failing when it has any problem, so a benchmark
   * never measures error paths.
   */
  public static OnDisk writeValid(int entities) {
    try {
      Path repo = Files.createTempDirectory("apollo-bench-");
      write(repo, entities, 42);
      LoadResult loaded = ConfigLoader.withDefaults().load(repo);
      if (!loaded.isValid()) {
        throw new IllegalStateException("synthetic fleet is invalid: " + loaded.problems().get(0));
      }
      return new OnDisk(repo, loaded);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a synthetic fleet", e);
    }
  }

  /** A fleet written to {@code repo}, and what loading it gave. */
  public record OnDisk(Path repo, LoadResult loaded) {}

  private int write() {
    writeProducts();
    for (int p = 0; p < products; p++) {
      writeReleases(p);
    }
    writeEnvironments();
    int count = 0;
    for (int e = 0; e < environments; e++) {
      count += writeEntities(e);
    }
    writeConstraintsAndPolicies();
    return count;
  }

  private void writeProducts() {
    List<String> docs = new ArrayList<>();
    for (int p = 0; p < products; p++) {
      docs.add(doc("Product", product(p), null,
          "  displayName: Service " + p + "\n"
              + "  criticality: " + (p % 25 == 0 ? "critical" : p % 5 == 0 ? "high" : "medium") + "\n"
              + "  type: " + (p % 10 == 0 ? "helm-chart" : "sls-service") + "\n"));
    }
    writeBatches("products/products", docs, p -> "products/svc-" + p);
  }

  private void writeReleases(int p) {
    List<String> docs = new ArrayList<>();
    List<String> versions = new ArrayList<>(List.of(STABLE));
    versions.add("2.1.0-rc1");
    versions.add("2.1.0-3-g" + String.format("%07x", random.nextInt(0xfffffff)));
    for (String version : versions) {
      StringBuilder spec = new StringBuilder()
          .append("  product: ").append(product(p)).append('\n')
          .append("  version: ").append(version).append('\n');
      if (p % 7 == 3 && version.equals("1.2.0")) {
        spec.append("  recalled:\n    reason: \"CVE-2026-").append(1000 + p).append(": unsafe deserialisation\"\n");
      }
      spec.append("  artifact:\n    uri: https://artifacts.example.com/svc-").append(p).append('-').append(version)
          .append(".sls.tgz\n    sha256: \"").append(sha(p, version)).append("\"\n");
      spec.append(manifest(p, version));
      docs.add(doc("Release", "svc-" + p + "-" + version, null, spec.toString()));
      if (layout == Layout.GITOPS) {
        write("releases/svc-" + p + "/" + version + ".yaml", docs.getLast());
      }
    }
    if (layout == Layout.PACKED) {
      write("releases/svc-" + p + ".yaml", String.join("---\n", docs));
    }
  }

  private String manifest(int p, String version) {
    StringBuilder m = new StringBuilder("  manifest:\n    manifest-version: \"1.0\"\n    product-type: service.v1\n")
        .append("    product-group: com.bench\n    product-name: svc-").append(p).append('\n')
        .append("    product-version: ").append(version).append('\n');
    if (p == 0) {
      return m.toString();
    }
    m.append("    extensions:\n      product-dependencies:\n");
    m.append(dependency(p - 1, false));
    if (p > 3 && p % 3 == 0) {
      m.append(dependency(p / 2, p % 6 == 0));
    }
    return m.toString();
  }

  private static String dependency(int on, boolean optional) {
    return "        - product-group: com.bench\n          product-name: svc-" + on + "\n"
        + "          minimum-version: 1.0.0\n          maximum-version: 2.x.x\n"
        + (optional ? "          optional: true\n" : "");
  }

  private void writeEnvironments() {
    List<String> docs = new ArrayList<>();
    for (int e = 0; e < environments; e++) {
      docs.add(doc("Environment", environment(e), null, layout == Layout.PACKED
          ? "  spokes:\n    - name: " + environment(e) + "-a\n      url: http://127.0.0.1:" + (9000 + e) + "\n"
              + "    - name: " + environment(e) + "-b\n"
          : gitopsSpokes(environment(e))));
    }
    writeBatches("environments/environments", docs, e -> "environments/" + environment(e));
  }

  private String gitopsSpokes(String environment) {
    StringBuilder spokes = new StringBuilder("  spokes:\n");
    for (int p = 0; p < products; p += ENTITIES_PER_GITOPS_SPOKE) {
      spokes.append("    - name: ").append(spokeOf(environment, p, Layout.GITOPS)).append('\n');
    }
    return spokes.toString();
  }

  private int writeEntities(int e) {
    List<String> docs = new ArrayList<>();
    boolean production = isProduction(e);
    String[] channels = {"stable", "stable", "beta", "dev"};
    for (int p = 0; p < products; p++) {
      String desired = production
          ? "  version: " + (p % 2 == 0 ? "2.0.0" : "1.1.0") + "\n"
          : "  channel: " + channels[p % channels.length] + "\n";
      docs.add(doc("Entity", "svc-" + p, "team-" + (p % 12),
          "  product: " + product(p) + "\n  environment: " + environment(e) + "\n"
              + "  spoke: " + spokeOf(environment(e), p, layout) + "\n" + desired
              + "  config:\n    replicas: " + (1 + p % 4) + "\n    heap: " + (256 << (p % 3)) + "m\n"));
    }
    writeBatches("entities/" + environment(e) + "/batch", docs, p -> "entities/" + environment(e) + "/svc-" + p);
    return docs.size();
  }

  private void writeConstraintsAndPolicies() {
    List<String> docs = new ArrayList<>();
    for (int e = 0; e < environments; e++) {
      if (isProduction(e)) {
        docs.add(doc("Constraint", environment(e) + "-window", null,
            "  selector:\n    environments: [" + environment(e) + "]\n"
                + "  maintenanceWindow:\n    cron: \"0 2 * * 6\"\n    duration: PT4H\n    timeZone: Europe/London\n"));
      }
    }
    docs.add(doc("Constraint", "holiday-freeze", null,
        "  selector: {}\n  suppressionWindow:\n    start: 2026-12-20\n    end: 2027-01-04\n    reason: Holiday freeze\n"));
    docs.add(doc("Constraint", "dependencies", null, "  selector: {}\n  dependency:\n    requireHealthy: true\n"));
    write("constraints/constraints.yaml", String.join("---\n", docs));
    write("policies/policies.yaml", String.join("---\n", List.of(
        doc("ApprovalPolicy", "production-changes", null,
            "  rules:\n    - match:\n        environments: [" + productionNames() + "]\n"
                + "        planTypes: [upgrade]\n      requiredRoles: [sre]\n"
                + "    - match:\n        criticality: critical\n      requiredRoles: [vp-engineering]\n"),
        doc("Role", "sre", null, "  members:\n    - email: oncall@example.com\n"),
        doc("Role", "vp-engineering", null, "  members:\n    - email: vp@example.com\n"))));
  }

  private String productionNames() {
    List<String> names = new ArrayList<>();
    for (int e = 0; e < environments; e++) {
      if (isProduction(e)) {
        names.add(environment(e));
      }
    }
    return String.join(", ", names);
  }

  private boolean isProduction(int e) {
    return e >= environments / 2;
  }

  private String environment(int e) {
    return (isProduction(e) ? "production-" : "staging-") + String.format("%02d", e);
  }

  private static String product(int p) {
    return "com.bench:svc-" + p;
  }

  private static String sha(int p, String version) {
    String seed = Integer.toHexString((p + "@" + version).hashCode());
    return (seed + "0".repeat(64)).substring(0, 64).replaceAll("[^0-9a-f]", "0");
  }

  private static String doc(String kind, String name, String team, String spec) {
    return "apiVersion: apollo/v1\nkind: " + kind + "\nmetadata:\n  name: " + name + "\n"
        + (team == null ? "" : "  labels:\n    team: " + team + "\n") + "spec:\n" + spec;
  }

  /** Packed: files of 50 under {@code prefix}; GitOps: document {@code i} alone in {@code single.apply(i)}. */
  private void writeBatches(String prefix, List<String> docs, java.util.function.IntFunction<String> single) {
    if (layout == Layout.GITOPS) {
      for (int i = 0; i < docs.size(); i++) {
        write(single.apply(i) + ".yaml", docs.get(i));
      }
      return;
    }
    for (int i = 0; i < docs.size(); i += DOCUMENTS_PER_FILE) {
      List<String> batch = docs.subList(i, Math.min(docs.size(), i + DOCUMENTS_PER_FILE));
      write(prefix + "-" + String.format("%03d", i / DOCUMENTS_PER_FILE) + ".yaml", String.join("---\n", batch));
    }
  }

  private void write(String path, String content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
