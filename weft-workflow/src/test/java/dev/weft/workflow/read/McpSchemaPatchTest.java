package dev.weft.workflow.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** DSL 1.0.3's {@code call: mcp}, written into the bundled 1.0.1 schema: read when right, refused where it is wrong. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class McpSchemaPatchTest {
  private static final String HEAD = "document: { dsl: '1.0.3', namespace: test, name: m, version: '0.1.0' }\ndo:\n";

  private static List<Problem> problemsOf(String tasks) {
    WorkflowValidationException e = catchThrowableOfType(WorkflowValidationException.class,
        () -> WorkflowReader.read(HEAD + tasks));
    return e == null ? List.of() : e.problems();
  }

  @Test
  void both_transports_and_every_field_are_read() {
    assertThat(problemsOf("""
          - slack:
              call: mcp
              with:
                protocolVersion: '2025-06-18'
                method: tools/call
                parameters: { name: post, arguments: { channel: c1 } }
                timeout: { seconds: 30 }
                client: { name: weft, version: '1.0' }
                transport:
                  stdio: { command: npx, arguments: [ slack-mcp-server, --transport, stdio ], environment: { TOKEN: x } }
          - fetch:
              call: mcp
              with:
                method: resources/read
                parameters: '${ { uri: .uri } }'
                transport:
                  http: { endpoint: { uri: 'https://mcp.example.com/mcp', authentication: { bearer: { token: t } } },
                          headers: { X-Team: core } }
        """)).isEmpty();
  }

  @Test
  void a_wrong_method_a_missing_transport_and_an_unknown_field_are_refused_at_their_place() {
    assertThat(problemsOf("""
          - a:
              call: mcp
              with: { method: tools/run, transport: { stdio: { command: srv } } }
          - b:
              call: mcp
              with: { method: tools/list }
          - c:
              call: mcp
              with: { method: tools/list, transport: { stdio: { command: srv, shell: true } } }
        """)).extracting(Problem::pointer)
        .contains("/do/0/a/with/method", "/do/1/b/with", "/do/2/c/with/transport/stdio");
  }

  @Test
  void mcp_is_no_longer_read_as_the_name_of_a_function() {
    assertThat(problemsOf("""
          - a:
              call: mcp
              with: { name: tools/list }
        """)).isNotEmpty();
  }
}
