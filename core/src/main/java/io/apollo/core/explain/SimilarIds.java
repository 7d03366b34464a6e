package io.apollo.core.explain;

import io.apollo.core.config.EntityId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Entity ids close to a mistyped one: the same name in another environment, or an id within a few edits (a quarter
 * of its length, at least two). Closest first, at most five.
 */
final class SimilarIds {
  private static final int MAX = 5;

  private SimilarIds() {}

  static List<EntityId> to(EntityId wanted, Collection<EntityId> candidates) {
    String text = wanted.toString();
    int tolerance = Math.max(2, text.length() / 4);
    record Scored(EntityId id, int distance) {}
    List<Scored> close = new ArrayList<>();
    for (EntityId candidate : candidates) {
      int distance = distance(text, candidate.toString());
      if (candidate.name().equals(wanted.name()) || distance <= tolerance) {
        close.add(new Scored(candidate, distance));
      }
    }
    close.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::id));
    return close.stream().limit(MAX).map(Scored::id).toList();
  }

  /** Levenshtein distance, two rows. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
