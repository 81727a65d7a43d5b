package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.store.InstanceStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code call: mcp} against real MCP servers: {@link McpTestServer} as a child process on stdio,
 * and behind {@link McpHttpTestServer} on a loopback socket.
 */
class McpCallTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static RunResult run(String tasks, String input) throws Exception {
    String document = """
        document:
          dsl: '1.0.3'
          namespace: test
          name: mcp
          version: '0.1.0'
        use:
          authentications:
            mcpToken:
              bearer:
                token: ${ $workflow.input.token }
        do:
        """ + tasks.stripIndent();
    AtomicInteger n = new AtomicInteger();
    InMemoryRunner runner = new InMemoryRunner(document, new FakeClock(0), () -> "mcp" + n.incrementAndGet(),
        Duration.ofSeconds(10));
    return runner.run(JSON.readTree(input));
  }

  /** A stdio transport that starts {@link McpTestServer} in a JVM of its own, with {@code args} after the class. */
  private static String stdio(String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    StringBuilder argv = new StringBuilder("[ '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-cp', '"
        + System.getProperty("java.class.path") + "', '" + McpTestServer.class.getName() + "'");
    for (String a : args) {
      argv.append(", '").append(a).append("'");
    }
    return """
                  stdio:
                    command: '%s'
                    arguments: %s ]
                    environment:
                      MCP_TEST_GREETING: ${ $workflow.input.greeting }
        """.formatted(java, argv);
  }

  @Test
  void aToolIsCalledOverStdioAfterTheHandshakeWithEvaluatedParametersAndEnvironment() throws Exception {
    RunResult r = run("""
          - add:
              call: mcp
              with:
                method: tools/call
                parameters:
                  name: add
                  arguments: { a: '${ .a }', b: 2 }
                transport:
        """ + stdio() + """
              export:
                as: '$context + { sum: .content[0].text }'
          - env:
              call: mcp
              with:
                method: tools/call
                parameters: '${ { name: "env", arguments: { name: "MCP_TEST_GREETING" } } }'
                client: { name: orders-flow, version: '2.1' }
                transport:
        """ + stdio() + """
              output:
                as: '{ sum: $context.sum, env: .content[0].text }'
        """, "{\"a\": 40, \"greeting\": \"hello there\"}");
    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(r.output()).isEqualTo(JSON.readTree("{\"sum\": \"42\", \"env\": \"hello there\"}"));
  }

  @Test
  void theClientAndProtocolVersionAskedForAreSentAndTheResultIsTheWholeJsonRpcResult() throws Exception {
    RunResult r = run("""
          - who:
              call: mcp
              with:
                method: tools/call
                protocolVersion: '2025-03-26'
                client: { name: orders-flow, version: '2.1' }
                parameters: { name: whoami }
                transport:
        """ + stdio(), "{}");
    assertThat(r.output()).as(String.valueOf(r.error()))
        .isEqualTo(JSON.readTree("{\"content\": [{\"type\": \"text\", \"text\": \"orders-flow/2.1@2025-03-26\"}], \"isError\": false}"));
  }

  @Test
  void aJsonRpcErrorIsARuntimeErrorNamingItsCodeAndMessage() throws Exception {
    RunResult r = run("""
          - nope:
              call: mcp
              with:
                method: tools/call
                parameters: { name: no-such-tool }
                transport:
        """ + stdio(), "{}");
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("type").asText()).endsWith("/runtime");
    assertThat(r.error().path("instance").asText()).isEqualTo("/do/0/nope");
    assertThat(r.error().path("detail").asText()).contains("-32602").contains("Unknown tool: no-such-tool");
  }

  @Test
  void aServerThatDiesBeforeAnsweringFaultsWithItsExitCodeAndLog() throws Exception {
    RunResult r = run("""
          - crash:
              call: mcp
              with:
                method: tools/list
                transport:
        """ + stdio("crash"), "{}");
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("detail").asText()).contains("ended before answering tools/list")
        .contains("exit code 7").contains("crashing as asked");
  }

  @Test
  void aCommandThatCannotRunFaultsNamingIt() throws Exception {
    RunResult r = run("""
          - missing:
              call: mcp
              with:
                method: tools/list
                transport:
                  stdio:
                    command: /no/such/mcp-server
        """, "{}");
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("detail").asText()).contains("cannot run '/no/such/mcp-server'");
    assertThat(r.error().path("instance").asText()).isEqualTo("/do/0/missing/with/transport/stdio/command");
  }

  @Test
  void overStreamableHttpTheSessionAndVersionGoWithEachRequestAndStreamedAnswersAreRead() throws Exception {
    try (McpHttpTestServer server = new McpHttpTestServer("t0ken")) {
      RunResult r = run("""
            - add:
                call: mcp
                with:
                  method: tools/call
                  parameters: { name: add, arguments: { a: 1, b: 2 } }
                  transport:
                    http:
                      endpoint:
                        uri: %s
                        authentication: { use: mcpToken }
            - read:
                call: mcp
                with:
                  method: resources/read
                  parameters: { uri: 'memo://hello' }
                  transport:
                    http:
                      endpoint: %s
                      headers: { Authorization: Bearer t0ken }
                output:
                  as: .contents[0].text
          """.formatted(server.endpoint(), server.endpoint()), "{\"token\": \"t0ken\"}");
      assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(InstanceStatus.COMPLETED);
      assertThat(r.output().asText()).isEqualTo("hello from memo://hello");
      // the handshake, the server's ping answered inside the streamed call, and each session ended
      assertThat(server.received).filteredOn(m -> m.contains("\"server-ping-1\"")).singleElement()
          .satisfies(m -> assertThat(JSON.readTree(m).has("result")).isTrue());
      assertThat(server.received).filteredOn(m -> m.startsWith("DELETE session-42")).hasSize(2);
      assertThat(server.received).filteredOn(m -> m.contains("notifications/initialized")).hasSize(2);
    }
  }

  @Test
  void anHttpStatusOutsideTwoHundredFaultsWithThatStatus() throws Exception {
    try (McpHttpTestServer server = new McpHttpTestServer("right")) {
      RunResult r = run("""
            - list:
                call: mcp
                with:
                  method: tools/list
                  transport:
                    http:
                      endpoint: %s
                      headers: { Authorization: Bearer wrong }
          """.formatted(server.endpoint()), "{}");
      assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
      JsonNode error = r.error();
      assertThat(error.path("status").asInt()).isEqualTo(401);
      assertThat(error.path("detail").asText()).contains("initialize");
    }
  }

  @Test
  void anEndpointThatIsNotHttpIsAConfigurationFaultAtItsPointer() throws Exception {
    RunResult r = run("""
          - list:
              call: mcp
              with:
                method: tools/list
                transport:
                  http:
                    endpoint: 'ftp://127.0.0.1/mcp'
        """, "{}");
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("status").asInt()).isEqualTo(400);
    assertThat(r.error().path("detail").asText()).contains("ftp://127.0.0.1/mcp").contains("not an http(s) URI");
    assertThat(r.error().path("instance").asText()).isEqualTo("/do/0/list/with/transport/http/endpoint");
  }
}
