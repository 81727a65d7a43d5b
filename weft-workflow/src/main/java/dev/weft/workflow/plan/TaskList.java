package dev.weft.workflow.plan;

import java.util.List;

/** An ordered list of named steps (a {@code do}, {@code try}, {@code catch.do} or {@code fork.branches}). */
public record TaskList(String pointer, List<Step> steps) {
  public TaskList {
    steps = List.copyOf(steps);
  }

  /** Index of the step with this name, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).common().name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
