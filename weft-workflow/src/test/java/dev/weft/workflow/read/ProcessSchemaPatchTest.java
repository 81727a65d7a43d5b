package dev.weft.workflow.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** DSL 1.0.3's process fields, written into the bundled 1.0.1 schema, and 1.0.1's forms still read. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProcessSchemaPatchTest {
  private static final String HEAD = "document: { dsl: '1.0.3', namespace: test, name: p, version: '0.1.0' }\ndo:\n";

  private static List<Problem> problemsOf(String tasks) {
    WorkflowValidationException e = catchThrowableOfType(WorkflowValidationException.class,
        () -> WorkflowReader.read(HEAD + tasks));
    return e == null ? List.of() : e.problems();
  }

  @Test
  void the_1_0_3_forms_are_read_stdin_and_argv_lists() {
    assertThat(problemsOf("""
          - sh:
              run: { shell: { command: wc, arguments: [ '-l', '${ .file }' ], stdin: '${ .text }' } }
          - js:
              run: { script: { language: js, code: 'console.log(1)', arguments: [ a ], stdin: hello } }
          - box:
              run: { container: { image: 'alpine:3', arguments: [ ls ], stdin: x, pullPolicy: never } }
        """)).isEmpty();
  }

  @Test
  void the_1_0_1_key_value_arguments_are_still_read() {
    assertThat(problemsOf("""
          - sh:
              run: { shell: { command: echo, arguments: { first: a, second: b } } }
        """)).isEmpty();
  }

  @Test
  void a_wrong_type_is_still_refused_where_it_is() {
    assertThat(problemsOf("""
          - sh:
              run: { shell: { command: wc, stdin: [ 1 ] } }
          - box:
              run: { container: { image: 'alpine:3', pullPolicy: sometimes } }
        """)).extracting(Problem::pointer).contains("/do/0/sh/run/shell/stdin", "/do/1/box/run/container/pullPolicy");
  }
}
