package dev.weft.workflow.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code call: http} and {@code call: openapi} hand the runtime, and the task order the decider reports. */
class CallArgumentsTest {
  private static final String CTK_COMMUNICATION = "https://serverlessworkflow.io/dsl/errors/types/communication";
  private static final String DSL_COMMUNICATION = "https://serverlessworkflow.io/spec/1.0.0/errors/communication";

  private static Command.CallHttp firstHttp(Driver d, String input) {
    d.run(input);
    assertThat(d.commands.getFirst()).isInstanceOf(Command.CallHttp.class);
    return (Command.CallHttp) d.commands.getFirst();
  }

  @Test
  void anEndpointTemplateIsExpandedFromTheTaskInputAndPercentEncoded() {
    Driver d = new Driver("do:\n  - get:\n      call: http\n      with: { method: get, endpoint: { uri: 'http://h/find?status={status}&n={n}' } }\n");
    assertThat(firstHttp(d, "{status: 'for sale', n: 3}").with().at("/endpoint/uri").asText())
        .isEqualTo("http://h/find?status=for%20sale&n=3");
  }

  @Test
  void anEndpointExpressionIsEvaluatedAndNotTakenForATemplate() {
    Driver d = new Driver("do:\n  - get:\n      call: http\n      with: { method: get, endpoint: '${ \"http://h/pets/\" + .id + \"/{x}\" }' }\n");
    assertThat(firstHttp(d, "id: '7'").with().path("endpoint").asText()).isEqualTo("http://h/pets/7/{x}");
  }

  @Test
  void anAuthenticationReferenceIsReplacedByTheNamedPolicyEvaluated() {
    Driver d = new Driver("""
        use:
          secrets: [ apiKey ]
          authentications:
            petAuth:
              basic: { username: '${ .user }', password: '${ $secrets.apiKey }' }
        do:
          - get:
              call: http
              with: { method: get, endpoint: { uri: 'http://h/p', authentication: { use: petAuth } } }
        """);
    assertThat(firstHttp(d, "user: ann").with().at("/endpoint/authentication"))
        .isEqualTo(Driver.json("basic: { username: ann, password: s3cret }"));
  }

  @Test
  void anUnknownAuthenticationReferenceIsRefusedWhenTheDocumentIsRead() {
    var e = org.assertj.core.api.Assertions.catchThrowableOfType(dev.weft.workflow.read.WorkflowValidationException.class, () -> new Driver(
        "do:\n  - get:\n      call: http\n      with: { method: get, endpoint: { uri: 'http://h/p', authentication: { use: nope } } }\n"));
    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.pointer()).isEqualTo("/do/0/get/with/endpoint/authentication/use");
      assertThat(p.message()).contains("'nope'");
    });
  }

  @Test
  void anOpenApiCallBecomesItsCommandWithEvaluatedParameters() {
    Driver d = new Driver("do:\n  - o:\n      call: openapi\n"
        + "      with: { document: { endpoint: 'http://h/o.json' }, operationId: getPet, parameters: { petId: '${ .id }' } }\n");
    d.run("id: 4");
    assertThat(d.commands.getFirst()).isEqualTo(new Command.CallOpenApi("wf-1/do/0/o@1", "/do/0/o",
        Driver.json("{ document: { endpoint: 'http://h/o.json' }, operationId: getPet, parameters: { petId: 4 } }")));
  }

  @Test
  void bothSpellingsOfTheCommunicationTypeCatchEachOther() {
    for (String[] pair : List.of(new String[] {CTK_COMMUNICATION, DSL_COMMUNICATION}, new String[] {DSL_COMMUNICATION, CTK_COMMUNICATION})) {
      Driver d = new Driver("do:\n  - t:\n      try:\n        - get:\n            call: http\n            with: { method: get, endpoint: 'http://h/x' }\n"
          + "      catch:\n        errors: { with: { type: '" + pair[1] + "', status: 404 } }\n        as: e\n"
          + "        do:\n          - keep:\n              set: { caught: '${ $e.type }' }\n")
          .answering(c -> c instanceof Command.CallHttp h
              ? new Event.CommandFailed(h.id(), Errors.of("communication", 404, "HTTP 404", null, h.step())) : null);
      assertThat(d.output("{}").path("caught").asText()).isEqualTo(CTK_COMMUNICATION);
    }
    assertThat(Errors.sameType(CTK_COMMUNICATION, "https://serverlessworkflow.io/spec/1.0.0/errors/timeout")).isFalse();
    assertThat(Errors.sameType("https://example.org/mine", "https://example.org/mine")).isTrue();
  }

  @Test
  void theTasksStartedAreListedInTheOrderTheyRanAndSkippedOnesAreLeftOut() {
    Driver d = new Driver("""
        do:
          - first:
              set: { a: 1 }
              then: third
          - second:
              set: { b: 2 }
          - third:
              if: '${ false }'
              set: { c: 3 }
          - fourth:
              do:
                - inner:
                    call: square
                    with: { x: 2 }
        """);
    d.run("{}");
    assertThat(d.decider.tasksStarted(d.state)).containsExactly("/do/0/first", "/do/3/fourth", "/do/3/fourth/do/0/inner");
    assertThat(d.decider.tasksStarted(InstanceState.initial("wf-2"))).isEmpty();
  }
}
