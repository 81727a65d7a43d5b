package dev.weft.workflow.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class WorkflowReaderTest {
  private static final String HEAD = "document: { dsl: '1.0.0', namespace: test, name: demo, version: '0.1.0' }\n";

  private static List<Problem> problemsOf(String body) {
    return catchThrowableOfType(WorkflowValidationException.class, () -> WorkflowReader.read(body.startsWith("document:") ? body : HEAD + body)).problems();
  }

  @Test
  void aValidYamlDocumentIsReadIntoItsTree() {
    var doc = WorkflowReader.read(HEAD + "do:\n  - one:\n      set: { x: 1 }\n");
    assertThat(doc.at("/do/0/one/set/x").asInt()).isEqualTo(1);
  }

  @Test
  void aValidJsonDocumentIsReadToo() {
    var doc = WorkflowReader.read("""
        {"document": {"dsl": "1.0.0", "namespace": "t", "name": "j", "version": "1.0.0"},
         "do": [{"one": {"set": {"x": 1}}}]}""");
    assertThat(doc.at("/do/0/one/set/x").asInt()).isEqualTo(1);
  }

  static Stream<Arguments> singleProblems() {
    return Stream.of(
        Arguments.of("an http call without endpoint names the with object",
            "do:\n  - get:\n      call: http\n      with: { method: get }\n", "/do/0/get/with", "endpoint"),
        Arguments.of("a wait of the wrong type names the wait field",
            "do:\n  - pause:\n      wait: 7\n", "/do/0/pause/wait", "allowed forms"),
        Arguments.of("an unknown task kind names the task, the kinds expected and what is not allowed",
            "do:\n  - odd:\n      frobnicate: { x: 1 }\n", "/do/0/odd", "not allowed here: frobnicate"),
        Arguments.of("a misspelt task property is not allowed, and nothing else is blamed",
            "do:\n  - a:\n      set: { x: 1 }\n      thn: end\n", "/do/0/a", "property 'thn' is not allowed here"),
        Arguments.of("an unknown property of the document header is not allowed",
            "document: { dsl: '1.0.0', namespace: t, name: d, version: '0.1.0', extra: 1 }\ndo:\n  - a:\n      set: { x: 1 }\n",
            "/document", "property 'extra' is not allowed here"),
        Arguments.of("a jq expression that does not compile names its field",
            "do:\n  - s:\n      set: { x: '${ .a + }' }\n", "/do/0/s/set/x", "does not compile"),
        Arguments.of("a bare if expression that does not compile names the if field",
            "do:\n  - s:\n      if: '.a =='\n      set: { x: 1 }\n", "/do/0/s/if", "does not compile"),
        Arguments.of("a then naming no sibling task names the then field",
            "do:\n  - s:\n      set: { x: 1 }\n      then: nowhere\n", "/do/0/s/then", "nowhere"),
        Arguments.of("a switch case then naming no sibling names the case",
            "do:\n  - s:\n      switch:\n        - big: { when: '.x > 1', then: nowhere }\n", "/do/0/s/switch/0/big/then", "nowhere"),
        Arguments.of("a duplicate task name names the second task",
            "do:\n  - a:\n      set: { x: 1 }\n  - a:\n      set: { x: 2 }\n", "/do/1", "duplicate"),
        Arguments.of("a then cycle of pure tasks names the first task of the loop",
            "do:\n  - a:\n      set: { x: 1 }\n  - b:\n      set: { x: 2 }\n      then: a\n", "/do/0", "a -> b -> a"),
        Arguments.of("a task that jumps to itself loops forever",
            "do:\n  - a:\n      do:\n        - self:\n            set: { x: 1 }\n            then: self\n", "/do/0/a/do/0", "self -> self"),
        Arguments.of("a missing do names the document",
            "use: {}\n", "", "do"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("singleProblems")
  void eachProblemNamesItsPlace(String why, String body, String pointer, String words) {
    List<Problem> problems = problemsOf(body);
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.pointer()).isEqualTo(pointer);
      assertThat(p.message()).contains(words);
    });
  }

  @Test
  void everyProblemOfADocumentIsReportedAtOnce() {
    List<Problem> problems = problemsOf("""
        do:
          - a:
              set: { x: '${ .y + }' }
              then: nowhere
          - a:
              call: http
              with: { method: get }
          - c:
              wait: 7
        """);
    assertThat(problems).extracting(Problem::pointer).contains(
        "/do/0/a/set/x", "/do/0/a/then", "/do/1", "/do/1/a/with", "/do/2/c/wait");
    assertThat(problems).hasSize(5);
  }

  @Test
  void aMisspeltTaskPropertyIsTheOnlyProblemReported() {
    assertThat(problemsOf("do:\n  - a:\n      set: { x: 1 }\n      thn: end\n"))
        .extracting(Problem::toString).containsExactly("/do/0/a: property 'thn' is not allowed here");
  }

  @Test
  void aCycleThatASwitchOrAWaitCanLeaveIsAccepted() {
    WorkflowReader.read(HEAD + """
        do:
          - inc:
              set: { n: '${ .n + 1 }' }
          - check:
              switch:
                - more: { when: '.n < 5', then: inc }
          - poll:
              wait: PT1S
              then: inc
        """);
  }

  @Test
  void aDurationJavaCannotReadIsAProblemAtItsPlace() {
    assertThatThrownBy(() -> dev.weft.workflow.plan.PlanCompiler.compile(HEAD + "do:\n  - p:\n      wait: P1Y\n"))
        .isInstanceOfSatisfying(WorkflowValidationException.class,
            e -> assertThat(e.problems()).extracting(Problem::pointer).containsExactly("/do/0/p/wait"));
  }

  @Test
  void textThatIsNotYamlIsOneProblemWithItsLine() {
    assertThatThrownBy(() -> WorkflowReader.read("do: [\n  - {"))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("not a YAML or JSON document")
        .hasMessageContaining("line");
  }
}
