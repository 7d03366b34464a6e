package io.apollo.cli.repo;

import io.apollo.core.load.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems one load has that another lacks. Compared by file and words, not line: an edit above a problem moves
 * it without making it new. A change is judged by what it adds, so a repository that already had a problem can
 * still take changes that do not touch it.
 */
public final class ProblemDelta {
  private ProblemDelta() {}

  public static List<Problem> added(List<Problem> before, List<Problem> after) {
    Map<String, Integer> known = new HashMap<>();
    before.forEach(p -> known.merge(key(p), 1, Integer::sum));
    List<Problem> added = new ArrayList<>();
    for (Problem problem : after) {
      if (known.getOrDefault(key(problem), 0) > 0) {
        known.merge(key(problem), -1, Integer::sum);
      } else {
        added.add(problem);
      }
    }
    return added;
  }

  private static String key(Problem problem) {
    return problem.path() + "\0" + problem.message();
  }
}
