package dev.weft.workflow.read;

import java.util.List;

/** A document that is not a valid workflow; carries every problem found, in document order. */
public final class WorkflowValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public WorkflowValidationException(List<Problem> problems) {
    super(problems.size() + " problem(s): " + String.join("; ", problems.stream().map(Problem::toString).toList()));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
