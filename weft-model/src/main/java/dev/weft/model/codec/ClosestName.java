package dev.weft.model.codec;

import java.util.Collection;
import java.util.Locale;

/** Suggests the known name a misspelt one was probably meant to be (edit distance). */
final class ClosestName {
  private ClosestName() {
  }

  /**
   * The candidate nearest to {@code name} when it is close enough to be a typo: equal ignoring
   * case, or within an edit distance of about a third of its length (transpositions count one).
   * Of equally near candidates, one with the same first letter wins (a typo rarely starts a word).
   */
  static String of(String name, Collection<String> candidates, int maxDistance) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance || d == bestDistance && sameStart(name, candidate) && !sameStart(name, best)) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= maxDistance ? best : null;
  }

  static String of(String name, Collection<String> candidates) {
    return of(name, candidates, Math.max(1, Math.min(3, name.length() / 3)));
  }

  private static boolean sameStart(String a, String b) {
    return !a.isEmpty() && !b.isEmpty() && Character.toLowerCase(a.charAt(0)) == Character.toLowerCase(b.charAt(0));
  }

  /** {@code " (did you mean 'x'?)"}, or the list of known names when none is close. */
  static String hint(String name, Collection<String> candidates) {
    String near = of(name, candidates);
    return near != null ? " (did you mean '" + near + "'?)" : " (expected one of " + String.join(", ", candidates) + ")";
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
