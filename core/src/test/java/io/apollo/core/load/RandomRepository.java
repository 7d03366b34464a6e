package io.apollo.core.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small repository that random commits change: files of one to three documents drawn from few names, so that
 * duplicates, dangling references, broken documents and unparseable files come and go.
 */
final class RandomRepository {
  private static final String[] PATHS = {"a.yaml", "b.yaml", "c/d.yaml", "c/e.yaml", "f.yaml", "g/h.yaml",
      "g/i.yaml", "j.yaml", "k.yaml", "l.yaml"};
  private static final String[] PRODUCTS = {"com.example:a", "com.example:b", "com.example:c"};
  private static final String[] ENVIRONMENTS = {"staging", "production", "qa"};
  private static final String[] VERSIONS = {"1.0.0", "1.1.0", "2.0.0"};
  private final Random random;
  private final MemorySource tree = new MemorySource();
  private boolean problemsSeen;

  RandomRepository(Random random) {
    this.random = random;
    for (String path : PATHS) {
      tree.put(path, randomFile());
    }
  }

  MemorySource tree() {
    return tree;
  }

  /** One to three files written, renamed or removed. */
  void commit() {
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      String path = pick(PATHS);
      int what = random.nextInt(10);
      if (what < 2) {
        tree.remove(path);
      } else if (what < 3 && tree.paths().contains(path)) {
        String text = tree.text(path);
        tree.remove(path).put(pick(PATHS), text);
      } else {
        tree.put(path, randomFile());
      }
    }
  }

  /** Whether the tree as it is now has problems (called at the end, so the test knows it compared some). */
  boolean problemsSeen(ConfigLoader loader) {
    problemsSeen |= !loader.load(tree).problems().isEmpty();
    return problemsSeen;
  }

  private String randomFile() {
    int documents = 1 + random.nextInt(3);
    List<String> docs = new ArrayList<>();
    for (int i = 0; i < documents; i++) {
      docs.add(randomDocument());
    }
    String text = Docs.file(docs.toArray(String[]::new));
    return random.nextInt(25) == 0 ? text + "---\nbroken: [yaml\n" : text;
  }

  private String randomDocument() {
    String document = switch (random.nextInt(12)) {
      case 0 -> Docs.product(pick(PRODUCTS));
      case 1, 2 -> Docs.release(pick(PRODUCTS), pick(VERSIONS));
      case 3 -> random.nextBoolean() ? Docs.environment(pick(ENVIRONMENTS), "s1")
          : Docs.environment(pick(ENVIRONMENTS), "s1", "s2");
      case 4, 5, 6 -> Docs.entity(pick(ENVIRONMENTS), "e" + random.nextInt(4), pick(PRODUCTS),
          random.nextBoolean() ? pick(VERSIONS) : null, random.nextInt(3));
      case 7 -> Docs.constraint("c" + random.nextInt(2), pick(ENVIRONMENTS));
      case 8 -> random.nextBoolean() ? Docs.role("r" + random.nextInt(2), "a@example.com")
          : Docs.policy("p" + random.nextInt(2), "r" + random.nextInt(3));
      case 9 -> Docs.plan("abc12345" + random.nextInt(2), pick(VERSIONS));
      case 10 -> Docs.notification("n" + random.nextInt(2), pick(ENVIRONMENTS));
      default -> Docs.hold("h" + random.nextInt(2), pick(PRODUCTS), pick(VERSIONS));
    };
    // Now and then a document that fails its schema, naming what it would have defined.
    return random.nextInt(8) == 0 ? document.replaceFirst("\nspec:\n", "\nspec:\n  bogus: 1\n") : document;
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
