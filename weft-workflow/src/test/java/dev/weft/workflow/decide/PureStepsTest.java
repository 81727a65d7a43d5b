package dev.weft.workflow.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Workflows of pure steps and calls, each run to the end by the in-test driver: name, document body, input, expected output. */
class PureStepsTest {
  static Stream<Arguments> workflows() {
    return Stream.of(
        Arguments.of("set computes its object from the input",
            "do:\n  - s:\n      set: { a: '${ .x + 1 }', b: plain }\n", "x: 1", "{a: 2, b: plain}"),
        Arguments.of("ten sequential sets count to ten",
            "do:\n" + "  - s0:\n      set: { n: 0 }\n" + stepsIncrementing(10), "{}", "{n: 10}"),
        Arguments.of("switch takes the first matching case and jumps to its task",
            """
            do:
              - pick:
                  switch:
                    - small: { when: '.x < 5', then: lo }
                    - other: { then: hi }
              - hi:
                  set: { size: big }
                  then: end
              - lo:
                  set: { size: small }
            """, "x: 3", "{size: small}"),
        Arguments.of("switch without a matching case continues with the next task",
            "do:\n  - pick:\n      switch:\n        - big: { when: '.x > 5', then: end }\n  - next:\n      set: { seen: '${ .x }' }\n",
            "x: 3", "{seen: 3}"),
        Arguments.of("a task whose if is false is skipped and passes its input on",
            "do:\n  - skip:\n      if: '${ .x > 5 }'\n      set: { skipped: false }\n", "x: 3", "{x: 3}"),
        Arguments.of("then exit leaves the enclosing do only",
            """
            do:
              - inner:
                  do:
                    - a:
                        set: { v: 1 }
                        then: exit
                    - b:
                        set: { v: 2 }
              - after:
                  set: { v: '${ .v + 10 }' }
            """, "{}", "{v: 11}"),
        Arguments.of("a then loop back to a named task runs until a switch ends it",
            """
            do:
              - inc:
                  set: { n: '${ .n + 1 }' }
              - check:
                  switch:
                    - more: { when: '.n < 5', then: inc }
                    - done: { then: end }
            """, "n: 0", "{n: 5}"),
        Arguments.of("for runs its body per item with $item and $index",
            "do:\n  - loop:\n      for: { in: '${ .xs }' }\n      do:\n        - add:\n            set: { sum: '${ .sum + $item * ($index + 1) }', xs: '${ .xs }' }\n",
            "{sum: 0, xs: [1, 2, 3]}", "{sum: 14, xs: [1, 2, 3]}"),
        Arguments.of("for stops when while no longer holds",
            "do:\n  - loop:\n      for: { each: v, in: '${ [1,2,3,4] }' }\n      while: '${ .sum < 3 }'\n      do:\n        - add:\n            set: { sum: '${ .sum + $v }' }\n",
            "sum: 0", "{sum: 3}"),
        Arguments.of("a named service call answers with the square",
            "do:\n  - sq:\n      call: square\n      with: { x: '${ .n }' }\n", "n: 7", "49"),
        Arguments.of("fork runs branches on the same input and gives their outputs in order",
            """
            do:
              - both:
                  fork:
                    branches:
                      - a:
                          call: square
                          with: { x: '${ .n }' }
                      - b:
                          set: { plain: '${ .n }' }
            """, "n: 3", "[9, {plain: 3}]"),
        Arguments.of("input.from, output.as and export.as shape the data and the context",
            """
            do:
              - first:
                  input: { from: '${ .payload }' }
                  set: { v: '${ .v * 2 }' }
                  output: { as: '${ .v }' }
                  export: { as: '${ { doubled: . } }' }
              - second:
                  set: { fromContext: '${ $context.doubled }', input: '${ . }' }
            """, "payload: { v: 21 }", "{fromContext: 42, input: 42}"),
        Arguments.of("the runtime variables are visible to expressions",
            "use: { secrets: [apiKey] }\ndo:\n  - vars:\n      set: { id: '${ $workflow.id }', task: '${ $task.name }', ref: '${ $task.reference }', runtime: '${ $runtime.name }', secret: '${ $secrets.apiKey }', in: '${ $input.x }' }\n",
            "x: 5", "{id: wf-1, task: vars, ref: /do/0/vars, runtime: weft, secret: s3cret, in: 5}"),
        Arguments.of("try with catch.do hands the error to the handler",
            """
            do:
              - guarded:
                  try:
                    - fail:
                        raise:
                          error: { type: 'https://serverlessworkflow.io/spec/1.0.0/errors/validation', status: 400 }
                  catch:
                    as: err
                    do:
                      - handle:
                          set: { caught: '${ $err.status }', where: '${ $err.instance }' }
            """, "{}", "{caught: 400, where: /do/0/guarded/try/0/fail}"),
        Arguments.of("a try whose catch has no do swallows the error and passes its input on",
            "do:\n  - t:\n      try:\n        - f:\n            raise: { error: { type: 'https://example.com/oops', status: 500 } }\n      catch: {}\n", "k: 1", "{k: 1}"),
        Arguments.of("the workflow's input.from and output.as apply around the whole run",
            "input: { from: '${ .wrapped }' }\noutput: { as: '${ .n }' }\ndo:\n  - s:\n      set: { n: '${ .n + 1 }' }\n",
            "wrapped: { n: 1 }", "2"));
  }

  private static String stepsIncrementing(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      b.append("  - s").append(i).append(":\n      set: { n: '${ .n + 1 }' }\n");
    }
    return b.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workflows")
  void eachWorkflowCompletesWithItsOutput(String why, String body, String input, String expected) {
    assertThat(new Driver(body).output(input)).isEqualTo(Driver.json(expected));
  }
}
