package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.weft.server.services.ServiceRegistry;
import dev.weft.store.InstanceStatus;
import dev.weft.workflow.decide.Command;
import dev.weft.workflow.decide.Errors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code call: a2a} against a loopback A2A agent ({@link LoopbackAgent}), run by the in-memory runner. */
class A2aCallTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUNTIME = Errors.BASE + "runtime";
  private LoopbackAgent agent;

  @BeforeEach
  void start() throws Exception {
    agent = new LoopbackAgent();
  }

  @AfterEach
  void stop() {
    agent.close();
  }

  private RunResult run(String document) {
    String text = """
        document: { dsl: '1.0.0', namespace: test, name: a2a, version: '0.1.0' }
        """ + document.replace("BASE", agent.base());
    return new InMemoryRunner(text, new FakeClock(0), () -> "i1", Duration.ofSeconds(20)).run(JSON.createObjectNode());
  }

  private static String ask(String with) {
    return """
        do:
          - ask:
              call: a2a
              with:
        """ + with.stripIndent().indent(8);
  }

  private static UUID uuidOf(String commandId) {
    return UUID.nameUUIDFromBytes(commandId.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void messageSendThroughTheAgentCardOutputsTheResultWithTheMessageIdAndRoleDefaulted() {
    RunResult r = run(ask("""
        method: message/send
        agentCard: { endpoint: BASE/.well-known/agent-card.json }
        parameters:
          message: { parts: [ { kind: text, text: Generate the Q1 sales report. } ] }
        """));
    assertThat(r.status()).as("%s", r.error()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(r.output().path("kind").asText()).isEqualTo("task");
    assertThat(r.output().at("/status/state").asText()).isEqualTo("completed");
    JsonNode sent = r.output().at("/history/0");
    assertThat(sent.path("role").asText()).isEqualTo("user");
    assertThat(sent.path("messageId").asText()).isEqualTo(uuidOf("i1/do/0/ask@1").toString());
    assertThat(sent.at("/parts/0/text").asText()).isEqualTo("Generate the Q1 sales report.");
    LoopbackAgent.Rpc rpc = agent.rpcs.getFirst();
    assertThat(rpc.path()).as("the card's relative url, resolved against the card's URI").isEqualTo("/rpc");
    assertThat(rpc.request().path("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(rpc.request().path("id").isTextual()).isTrue();
    assertThat(rpc.request().path("method").asText()).isEqualTo("message/send");
    assertThat(rpc.contentType()).isEqualTo("application/json");
    assertThat(rpc.accept()).isEqualTo("application/json");
  }

  @Test
  void anExplicitMessageIdAndRoleAreKept() {
    RunResult r = run(ask("""
        method: message/send
        agentCard: { endpoint: BASE/.well-known/agent-card.json }
        parameters:
          message: { messageId: mine-1, role: agent, parts: [ { kind: text, text: hi } ] }
        """));
    assertThat(r.status()).as("%s", r.error()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(r.output().at("/history/0/messageId").asText()).isEqualTo("mine-1");
    assertThat(r.output().at("/history/0/role").asText()).isEqualTo("agent");
  }

  @Test
  void theSameCommandCarriedOutTwiceSendsTheSameMessageIdAndTheCardIsFetchedOnce() throws Exception {
    Effector effector = new Effector(Duration.ofSeconds(20), EventSink.NONE, HostRedirects.NONE, ServiceRegistry.builtinsOnly());
    JsonNode with = new YAMLMapper().readTree("""
        method: message/send
        agentCard: { endpoint: BASE/.well-known/agent-card.json }
        parameters: { message: { parts: [ { kind: text, text: hi } ] } }
        """.replace("BASE", agent.base()));
    Command.CallA2a c = new Command.CallA2a("i9/do/0/ask@1", "/do/0/ask", with);
    JsonNode first = effector.carryOut(c, 0);
    JsonNode again = effector.carryOut(Journal.command("CallA2a", Journal.outbox("i9", c).payload()), 0);
    JsonNode other = effector.carryOut(new Command.CallA2a("i9/do/0/ask@2", "/do/0/ask", with), 0);
    assertThat(first.at("/history/0/messageId").asText()).isEqualTo(uuidOf("i9/do/0/ask@1").toString())
        .isEqualTo(again.at("/history/0/messageId").asText())
        .isNotEqualTo(other.at("/history/0/messageId").asText());
    assertThat(agent.count("/.well-known/agent-card.json")).isEqualTo(1);
    assertThat(agent.count("/rpc")).isEqualTo(3);
  }

  @Test
  void aServerWithoutACardIsCalledDirectly() {
    RunResult r = run(ask("""
        method: tasks/get
        server: BASE/rpc
        parameters: { id: t-1 }
        """));
    assertThat(r.status()).as("%s", r.error()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(r.output().path("id").asText()).isEqualTo("t-1");
    assertThat(r.output().at("/status/state").asText()).isEqualTo("completed");
    assertThat(agent.count("/.well-known/agent-card.json")).isZero();
    assertThat(agent.rpcs.getFirst().request().path("params")).isEqualTo(JSON.createObjectNode().put("id", "t-1"));
  }

  @Test
  void messageStreamOutputsTheResultsOfAllItsEventsInOrder() {
    RunResult r = run(ask("""
        method: message/stream
        server: { uri: BASE/rpc }
        parameters: { message: { parts: [ { kind: text, text: go } ] } }
        """));
    assertThat(r.status()).as("%s", r.error()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(r.output().isArray()).isTrue();
    assertThat(r.output()).extracting(e -> e.path("kind").asText())
        .containsExactly("task", "status-update", "artifact-update", "status-update");
    assertThat(r.output().at("/0/history/0/role").asText()).isEqualTo("user");
    assertThat(r.output().at("/0/history/0/messageId").asText()).isEqualTo(uuidOf("i1/do/0/ask@1").toString());
    assertThat(r.output().at("/2/artifact/parts/0/text").asText()).isEqualTo("done");
    assertThat(r.output().at("/3/final").asBoolean()).isTrue();
    assertThat(agent.rpcs.getFirst().accept()).contains("text/event-stream");
  }

  @Test
  void aJsonRpcErrorInAStreamFaults() {
    RunResult r = run(ask("""
        method: message/stream
        server: BASE/rpc
        parameters: { message: { parts: [ { kind: text, text: fail midway } ] } }
        """));
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("type").asText()).isEqualTo(RUNTIME);
    assertThat(r.error().path("status").asInt()).isEqualTo(500);
    assertThat(r.error().path("title").asText()).isEqualTo("A2A error");
    assertThat(r.error().path("detail").asText()).contains("JSON-RPC error -32603: Internal error");
  }

  @Test
  void aJsonRpcErrorFaultsWithTheRuntimeTypeAndItsCodeAndMessage() {
    RunResult r = run(ask("""
        method: tasks/get
        agentCard: { endpoint: BASE/.well-known/agent-card.json }
        parameters: { id: nope }
        """));
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("type").asText()).isEqualTo(RUNTIME);
    assertThat(r.error().path("status").asInt()).isEqualTo(500);
    assertThat(r.error().path("instance").asText()).isEqualTo("/do/0/ask");
    assertThat(r.error().path("detail").asText()).contains("tasks/get").contains("-32001").contains("Task not found");
  }

  @Test
  void aStatusOutsideTwoHundredsAndNoAnswerFaultWithTheRuntimeType() throws Exception {
    RunResult broken = run(ask("""
        method: tasks/get
        server: BASE/broken
        parameters: { id: t-1 }
        """));
    assertThat(broken.error().path("type").asText()).isEqualTo(RUNTIME);
    assertThat(broken.error().path("status").asInt()).isEqualTo(500);
    assertThat(broken.error().path("detail").asText()).contains("agent crashed");
    int port;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    RunResult away = run(ask("""
        method: tasks/get
        server: http://127.0.0.1:%d/rpc
        parameters: { id: t-1 }
        """.formatted(port)));
    assertThat(away.error().path("type").asText()).isEqualTo(RUNTIME);
    assertThat(away.error().path("status").asInt()).isEqualTo(503);
    RunResult noCard = run(ask("""
        method: tasks/get
        agentCard: { endpoint: BASE/missing/card.json }
        """));
    assertThat(noCard.error().path("type").asText()).isEqualTo(RUNTIME);
    assertThat(noCard.error().path("status").asInt()).isEqualTo(404);
  }

  @Test
  void neitherCardNorServerFaultsWithAConfigurationErrorAtTheCardsPointer() {
    RunResult r = run(ask("""
        method: message/send
        parameters: { message: { parts: [ { kind: text, text: hi } ] } }
        """));
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("type").asText()).isEqualTo(Errors.BASE + "configuration");
    assertThat(r.error().path("status").asInt()).isEqualTo(400);
    assertThat(r.error().path("instance").asText()).isEqualTo("/do/0/ask/with/agentCard");
    assertThat(agent.rpcs).isEmpty();
  }

  @Test
  void aCardWithoutUrlFaultsWithAConfigurationErrorAtTheCardsPointer() {
    RunResult r = run(ask("""
        method: tasks/get
        agentCard: { endpoint: BASE/bare/card.json }
        parameters: { id: t-1 }
        """));
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("type").asText()).isEqualTo(Errors.BASE + "configuration");
    assertThat(r.error().path("status").asInt()).isEqualTo(400);
    assertThat(r.error().path("instance").asText()).isEqualTo("/do/0/ask/with/agentCard");
    assertThat(r.error().path("detail").asText()).contains("/bare/card.json").contains("'url'");
    assertThat(agent.rpcs).isEmpty();
  }

  @Test
  void aBearerPolicyFromUseAuthenticationsReachesTheCardAndTheAgent() {
    RunResult r = run("""
        use:
          authentications:
            agentAuth: { bearer: { token: %s } }
        """.formatted(LoopbackAgent.TOKEN) + ask("""
        method: message/send
        agentCard: { endpoint: { uri: BASE/secure/card.json, authentication: { use: agentAuth } } }
        parameters: { message: { parts: [ { kind: text, text: hi } ] } }
        """));
    assertThat(r.status()).as("%s", r.error()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(agent.cardAuthorizations).containsExactly("Bearer " + LoopbackAgent.TOKEN);
    assertThat(agent.rpcs).singleElement().satisfies(rpc -> {
      assertThat(rpc.path()).isEqualTo("/secure/rpc");
      assertThat(rpc.authorization()).isEqualTo("Bearer " + LoopbackAgent.TOKEN);
    });
  }

  @Test
  void aCommandSurvivesTheOutboxRoundTrip() {
    Command.CallA2a c = new Command.CallA2a("i2/do/1/ask@3", "/do/1/ask",
        JSON.createObjectNode().put("method", "tasks/get").put("server", "http://h/rpc"));
    dev.weft.store.Command entry = Journal.outbox("i2", c);
    assertThat(entry.type()).isEqualTo("CallA2a");
    assertThat(Journal.command(entry.type(), entry.payload())).isEqualTo(c);
  }
}
