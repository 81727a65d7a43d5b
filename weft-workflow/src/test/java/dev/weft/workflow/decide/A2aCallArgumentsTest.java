package dev.weft.workflow.decide;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code call: a2a} hands the runtime, and the faults the decider raises itself. */
class A2aCallArgumentsTest {
  @Test
  void anA2aCallBecomesItsCommandWithEvaluatedParameters() {
    Driver d = new Driver("""
        do:
          - ask:
              call: a2a
              with:
                method: message/send
                agentCard: { endpoint: 'http://h/.well-known/agent-card.json' }
                parameters:
                  message: { parts: [ { kind: text, text: '${ .question }' } ] }
        """);
    d.run("question: why?");
    assertThat(d.commands.getFirst()).isEqualTo(new Command.CallA2a("wf-1/do/0/ask@1", "/do/0/ask", Driver.json("""
        method: message/send
        agentCard: { endpoint: 'http://h/.well-known/agent-card.json' }
        parameters: { message: { parts: [ { kind: text, text: 'why?' } ] } }
        """)));
  }

  @Test
  void parametersGivenAsAnExpressionAreEvaluated() {
    Driver d = new Driver("""
        do:
          - get:
              call: a2a
              with: { method: tasks/get, server: 'http://h/rpc', parameters: '${ { id: .task } }' }
        """);
    d.run("task: t-1");
    assertThat(((Command.CallA2a) d.commands.getFirst()).with().path("parameters")).isEqualTo(Driver.json("id: t-1"));
  }

  @Test
  void theAuthenticationReferencesOfTheCardAndTheServerAreReplacedByThePoliciesEvaluated() {
    Driver d = new Driver("""
        use:
          secrets: [ apiKey ]
          authentications:
            agentAuth: { bearer: { token: '${ $secrets.apiKey }' } }
            serverAuth: { basic: { username: '${ .user }', password: pw } }
        do:
          - ask:
              call: a2a
              with:
                method: tasks/get
                agentCard: { endpoint: { uri: 'http://h/card.json', authentication: { use: agentAuth } } }
                server: { uri: 'http://h/rpc', authentication: { use: serverAuth } }
                parameters: { id: t-1 }
        """);
    d.run("user: ann");
    Command.CallA2a c = (Command.CallA2a) d.commands.getFirst();
    assertThat(c.with().at("/agentCard/endpoint/authentication")).isEqualTo(Driver.json("bearer: { token: s3cret }"));
    assertThat(c.with().at("/server/authentication")).isEqualTo(Driver.json("basic: { username: ann, password: pw }"));
  }

  @Test
  void neitherCardNorServerFaultsWithAConfigurationErrorAtTheCardsPointer() {
    Driver d = new Driver("""
        do:
          - ask:
              call: a2a
              with: { method: message/send, parameters: { message: { parts: [] } } }
        """);
    var e = d.error("{}");
    assertThat(e.path("type").asText()).isEqualTo(Errors.BASE + "configuration");
    assertThat(e.path("status").asInt()).isEqualTo(400);
    assertThat(e.path("instance").asText()).isEqualTo("/do/0/ask/with/agentCard");
    assertThat(e.path("detail").asText()).contains("with.agentCard").contains("with.server");
    assertThat(d.commands).noneMatch(c -> c instanceof Command.CallA2a);
  }
}
