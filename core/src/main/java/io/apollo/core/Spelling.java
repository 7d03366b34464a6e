package io.apollo.core;

/**
 * How far apart two names are as a person types them, for "did you mean" suggestions in errors and explanations.
 */
public final class Spelling {
  private Spelling() {}

  /** Levenshtein distance (insertions, deletions, substitutions), in two rows; meant for short names. */
  public static int distance(String a, String b) {
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

  /**
   * The candidate nearest to {@code typed} when it is a plausible typo: at most two edits away (one edit for
   * names of four characters or fewer), else a candidate that {@code typed} starts with or that starts with it
   * ({@code sre-oncall} for {@code sre}). Ties go to the first in {@code candidates}' order.
   */
  public static java.util.Optional<String> closest(String typed, java.util.Collection<String> candidates) {
    int limit = typed.length() <= 4 ? 1 : 2;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(typed, candidate);
      if (d <= limit && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (best == null) {
      for (String candidate : candidates) {
        if (!candidate.isEmpty() && (typed.startsWith(candidate) || candidate.startsWith(typed))) {
          return java.util.Optional.of(candidate);
        }
      }
    }
    return java.util.Optional.ofNullable(best);
  }
}
