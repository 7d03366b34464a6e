package io.apollo.core.explain;

import io.apollo.core.Spelling;

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
      int distance = Spelling.distance(text, candidate.toString());
      if (candidate.name().equals(wanted.name()) || distance <= tolerance) {
        close.add(new Scored(candidate, distance));
      }
    }
    close.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::id));
    return close.stream().limit(MAX).map(Scored::id).toList();
  }
}
