package dev.weft.model.codec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec document that cannot be accepted, with every problem found in it (not only the first).
 * The message has one line per problem, like
 * {@code cluster.yaml:12 /nodes/3/capacity/memory: expected a quantity like 4Gi or 512Mi, got "lots"};
 * past {@value #MAX_LINES} problems it ends with a count of the rest, while {@link #problems()}
 * keeps them all.
 */
public final class SpecException extends RuntimeException {
  static final int MAX_LINES = 50;

  private final String source;
  private final transient List<SpecProblem> problems;

  public SpecException(String source, List<SpecProblem> problems) {
    super(render(source, problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a SpecException needs at least one problem");
    }
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** The name of the document, usually its file name, as given to the reader. */
  public String source() {
    return source;
  }

  /** Every problem, in line order (problems of the same line in the order found). */
  public List<SpecProblem> problems() {
    return problems;
  }

  private static String render(String source, List<SpecProblem> problems) {
    String shown = problems.stream().limit(MAX_LINES).map(p -> p.format(source)).collect(Collectors.joining("\n"));
    int rest = problems.size() - MAX_LINES;
    return rest > 0 ? shown + "\n... and " + rest + " more problems" : shown;
  }
}
