package dev.weft.model.codec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one document so reading can go on past the first. */
final class Problems {
  private final String source;
  private final List<SpecProblem> found = new ArrayList<>();

  Problems(String source) {
    this.source = source;
  }

  void add(String pointer, int line, String message) {
    found.add(new SpecProblem(pointer, line, message));
  }

  /** Throws a {@link SpecException} with everything found so far, in line order, if anything was. */
  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new SpecException(source, found.stream().sorted(Comparator.comparingInt(SpecProblem::line)).toList());
    }
  }
}
