package dev.weft.workflow.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Deeply nested tasks are checked in time that grows with the document, not four-fold per level
 * (before the kinds were guarded, six levels took half a minute and nine took over six minutes;
 * the generous limit below only guards against that coming back), and problems deep inside are
 * still reported where they are.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TaskDispatchPatchTest {
  private static final String HEAD = "document: { dsl: '1.0.3', namespace: test, name: deep, version: '0.1.0' }\n";
  private static final int LEVELS = 14;

  /** LEVELS tasks nested in turn as do, for and try, the innermost {@code leaf}. */
  private static String nested(String leaf) {
    StringBuilder s = new StringBuilder(HEAD).append("do:\n");
    String pad = "";
    for (int i = 0; i < LEVELS; i++) {
      s.append(pad).append("  - l").append(i).append(":\n");
      switch (i % 3) {
        case 0 -> s.append(pad).append("      do:\n");
        case 1 -> s.append(pad).append("      for: { in: '${ [1, 2] }' }\n").append(pad).append("      do:\n");
        default -> s.append(pad).append("      catch: { as: e }\n").append(pad).append("      try:\n");
      }
      pad += "    ";
    }
    return s.append(pad).append("  - leaf:\n").append(pad).append("      ").append(leaf).append('\n').toString();
  }

  private static List<Problem> problemsOf(String text) {
    WorkflowValidationException e = assertTimeoutPreemptively(Duration.ofSeconds(120),
        () -> catchThrowableOfType(WorkflowValidationException.class, () -> WorkflowReader.read(text)));
    return e == null ? List.of() : e.problems();
  }

  @Test
  void fourteen_nested_levels_of_do_for_and_try_are_read() {
    assertThat(problemsOf(nested("set: { x: 1 }"))).isEmpty();
  }

  @Test
  void a_problem_at_the_bottom_is_reported_at_its_pointer() {
    List<Problem> problems = problemsOf(nested("wait: { minutes: soon }"));
    assertThat(problems).hasSize(1);
    assertThat(problems.getFirst().pointer()).startsWith("/do/0/l0/do/0/l1/do/0/l2/try/0/l3/do/").endsWith("/leaf/wait/minutes");
  }

  @Test
  void an_unknown_task_deep_inside_names_the_kinds_and_what_it_has() {
    List<Problem> problems = problemsOf(nested("frobnicate: 1"));
    assertThat(problems).hasSize(1);
    assertThat(problems.getFirst().pointer()).endsWith("/leaf");
    assertThat(problems.getFirst().message()).contains("is none of the allowed kinds").contains("not allowed here: frobnicate");
  }
}
