package io.apollo.core.load.yaml;

import java.util.Random;

/**
 * Plain YAML files of the shapes a fleet repository holds (entities, releases, environments), varied by a seeded
 * random source: block and flow collections, quoted and plain scalars, integers, booleans, nulls, block text,
 * comments, one or several documents a file.
 */
final class SyntheticDocuments {
  private static final String[] TEAMS = {"platform", "identity", "payments", "search"};
  private static final String[] STATES = {"present", "absent", "'present'", "\"present\""};

  private SyntheticDocuments() {}

  static String file(Random random, int n) {
    StringBuilder out = new StringBuilder();
    if (random.nextBoolean()) {
      out.append("# generated file ").append(n).append('\n');
    }
    int documents = 1 + (random.nextInt(4) == 0 ? random.nextInt(5) : 0);
    for (int d = 0; d < documents; d++) {
      if (d > 0 || random.nextBoolean()) {
        out.append("---\n");
      }
      switch (random.nextInt(3)) {
        case 0 -> entity(random, n, d, out);
        case 1 -> release(random, n, d, out);
        default -> environment(random, n, d, out);
      }
    }
    return out.toString();
  }

  private static void entity(Random random, int n, int d, StringBuilder out) {
    out.append("apiVersion: apollo/v1\nkind: Entity\nmetadata:\n  name: svc-").append(n).append('-').append(d)
        .append("\n  labels:\n    team: ").append(TEAMS[random.nextInt(TEAMS.length)]).append('\n')
        .append("spec:\n  product: com.example:svc-").append(n % 97).append('\n')
        .append("  environment: staging-").append(String.format("%02d", n % 13)).append('\n')
        .append("  spoke: spoke-").append(n % 101).append('\n');
    if (random.nextBoolean()) {
      out.append("  version: ").append(random.nextInt(5)).append('.').append(random.nextInt(20)).append('.')
          .append(random.nextInt(100)).append('\n');
    } else {
      out.append("  channel: stable # follows the channel\n");
    }
    out.append("  state: ").append(STATES[random.nextInt(STATES.length)]).append('\n');
    if (random.nextBoolean()) {
      out.append("  config:\n    replicas: ").append(random.nextInt(20) - 3).append('\n')
          .append("    enabled: ").append(random.nextBoolean()).append('\n')
          .append("    nothing:\n")
          .append("    ports: [").append(8000 + random.nextInt(1000)).append(", ").append(random.nextInt(65535))
          .append("]\n    env:\n      - {name: MODE, value: \"").append(random.nextInt(3)).append("\"}\n")
          .append("      - name: empty\n        value: ''\n");
    }
  }

  private static void release(Random random, int n, int d, StringBuilder out) {
    out.append("apiVersion: apollo/v1\nkind: Release\nmetadata:\n  name: r").append(n).append('-').append(d)
        .append("\nspec:\n  product: com.example:svc-").append(n % 97).append('\n')
        .append("  version: 1.").append(random.nextInt(30)).append(".").append(random.nextInt(30)).append('\n')
        .append("  channels:\n  - dev\n  - ").append(random.nextBoolean() ? "stable" : "beta").append('\n')
        .append("  notes: |\n    First line ").append(n).append("\n    second: line with a colon\n")
        .append("  dependencies: []\n");
  }

  private static void environment(Random random, int n, int d, StringBuilder out) {
    out.append("apiVersion: apollo/v1\nkind: Environment\nmetadata: {name: env-").append(n).append('-').append(d)
        .append("}\nspec:\n  order: ").append(random.nextInt(1000)).append('\n')
        .append("  window: \"Mon-Fri 09:00-17:00\"\n")
        .append("  description: >\n    folded text\n    over lines ").append(n).append('\n')
        .append("  flags: {a: true, b: FALSE, c: ~, d: null}\n");
  }
}
