package dev.weft.workflow.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Durations, references into {@code use}, {@code $secrets}, cron, and the line of each problem. */
class UsageAndLinesTest {
  private static final String HEAD = "document: { dsl: '1.0.0', namespace: test, name: t, version: '0.1.0' }\n";

  private static List<Problem> problemsOf(String body) {
    WorkflowValidationException e = catchThrowableOfType(WorkflowValidationException.class, () -> WorkflowReader.read(HEAD + body));
    assertThat(e).as("the document is rejected").isNotNull();
    return e.problems();
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of("a duration in years", "do:\n  - w:\n      wait: P1Y\n", "/do/0/w/wait", "is not supported"),
        Arguments.of("a duration that is not ISO 8601", "do:\n  - w:\n      wait: five seconds\n", "/do/0/w/wait", "five seconds"),
        Arguments.of("a timeout name missing from use.timeouts", "do:\n  - w:\n      wait: PT1S\n      timeout: quick\n",
            "/do/0/w/timeout", "use.timeouts: 'quick'"),
        Arguments.of("an error name missing from use.errors", "do:\n  - r:\n      raise: { error: boom }\n", "/do/0/r/raise/error",
            "use.errors: 'boom'"),
        Arguments.of("a retry name missing from use.retries",
            "do:\n  - t:\n      try:\n        - a:\n            wait: PT1S\n      catch: { retry: again }\n", "/do/0/t/catch/retry",
            "use.retries: 'again'"),
        Arguments.of("$secrets without use.secrets", "do:\n  - s:\n      set: { k: '${ $secrets.key }' }\n", "/do/0/s/set/k",
            "declares no use.secrets"),
        Arguments.of("a secret use.secrets does not list", "use: { secrets: [a] }\ndo:\n  - s:\n      set: { k: '${ $secrets.b }' }\n",
            "/do/0/s/set/k", "'b'"),
        Arguments.of("a versioned call without its catalog", "do:\n  - c:\n      call: square:1.0.0\n", "/do/0/c/call",
            "NAME:VERSION@CATALOG"),
        Arguments.of("a call with a catalog but no version", "do:\n  - c:\n      call: square@default\n", "/do/0/c/call",
            "square:1.0.0@default"),
        Arguments.of("a call into a catalog use.catalogs does not declare",
            "do:\n  - c:\n      try:\n        - in:\n            call: log:0.5.2@global\n      catch: {}\n",
            "/do/0/c/try/0/in/call", "use.catalogs: 'global'"),
        Arguments.of("a document that redefines the default catalog",
            "use: { catalogs: { default: { endpoint: 'https://example.com/catalog' } } }\ndo:\n  - c:\n      call: f\n",
            "/use/catalogs/default", "cannot be redefined"),
        Arguments.of("a cron expression that does not parse", "schedule: { cron: '61 * * * *' }\ndo:\n  - s:\n      set: {}\n",
            "/schedule/cron", "cron expression"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void isRejectedAtItsPlace(String why, String body, String pointer, String says) {
    assertThat(problemsOf(body)).anySatisfy(p -> {
      assertThat(p.pointer()).isEqualTo(pointer);
      assertThat(p.message()).contains(says);
    });
  }

  @Test
  void callsByNameInTheDefaultCatalogAndInADeclaredOneAreAccepted() {
    org.assertj.core.api.Assertions.assertThatCode(() -> WorkflowReader.read(HEAD + """
        use: { catalogs: { global: { endpoint: 'https://example.com/catalog' } } }
        do:
          - a: { call: square, with: { x: 1 } }
          - b: { call: 'square:1.0.0@default', with: { x: 2 } }
          - c: { call: 'log:0.5.2@global', with: { message: hi } }
        """)).doesNotThrowAnyException();
  }

  @Test
  void everyProblemCarriesTheLineOfItsPlace() {
    List<Problem> problems = problemsOf("do:\n  - a:\n      set: { x: '${ .x + }' }\n  - b:\n      wait: P1Y\n");
    assertThat(problems).extracting(Problem::pointer, Problem::line)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("/do/0/a/set/x", 4),
            org.assertj.core.groups.Tuple.tuple("/do/1/b/wait", 6));
    assertThat(problems.getFirst().format("wf.yaml")).startsWith("wf.yaml:");
  }

  @Test
  void aMissingPropertyTakesTheLineOfItsOwner() {
    List<Problem> problems = problemsOf("do:\n  - a:\n      call: http\n      with: { method: get }\n");
    assertThat(problems).allSatisfy(p -> assertThat(p.line()).isBetween(3, 5));
  }

  @Test
  void aSyntaxErrorNamesItsLine() {
    WorkflowValidationException e = catchThrowableOfType(WorkflowValidationException.class,
        () -> WorkflowReader.read(HEAD + "do:\n  - a: [\n"));
    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.line()).isPositive());
  }

  @Test
  void plainTextMentioningSecretsIsNotAnExpression() {
    WorkflowReader.read(HEAD + "do:\n  - a:\n      set: { note: 'keep $secrets out of logs' }\n");
  }

  @Test
  void aScheduleOnEventsIsAccepted() {
    WorkflowReader.read(HEAD + "schedule:\n  on: { one: { with: { type: tick } } }\ndo:\n  - a:\n      set: { x: 1 }\n");
  }

  @Test
  void aValidScheduleTimeoutsAndSecretsAreAccepted() {
    WorkflowReader.read(HEAD + """
        schedule: { cron: '0 0 * * *' }
        timeout: { after: PT1H }
        use:
          secrets: [apiKey]
          timeouts: { short: { after: PT1S } }
        do:
          - a:
              set: { k: '${ $secrets.apiKey }' }
              timeout: short
        """);
  }
}
