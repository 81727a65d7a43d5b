package dev.weft.scheduler;

import java.util.List;

/**
 * Reads a list of random numbers as a sequence of choices. jqwik shrinks the numbers towards 0,
 * so every choice puts its simplest option first: a failing scenario shrinks to the plainest one
 * that still fails.
 */
final class Genes {
  static final int BOUND = 10_000;
  private final List<Integer> values;
  private int next;

  Genes(List<Integer> values) {
    this.values = values.isEmpty() ? List.of(0) : values;
  }

  /** A number in [0, bound). */
  int below(int bound) {
    return values.get(next++ % values.size()) % bound;
  }

  /** A number in [lo, hi]. */
  int between(int lo, int hi) {
    return lo + below(hi - lo + 1);
  }

  /** True with the given percent chance; false for a shrunk (all zero) gene. */
  boolean chance(int percent) {
    return below(100) >= 100 - percent;
  }

  @SafeVarargs
  final <T> T pick(T... options) {
    return options[below(options.length)];
  }

  <T> T pick(List<T> options) {
    return options.get(below(options.size()));
  }
}
