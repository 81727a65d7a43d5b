package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.runtime.CatalogServer;
import dev.weft.server.runtime.TestDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workflow calling a function of an external catalog, defined over a server's API: the function
 * is fetched (basic authentication) when the workflow is stored, and instances run it; one the
 * catalog does not have is a 422 at the call.
 */
class ApiCatalogFunctionsTest {
  private static final String YAML = "application/yaml";

  @TempDir
  Path dir;

  private static String greeter(String version, String endpoint, String call) {
    return """
        document: { dsl: '1.0.3', namespace: api-test, name: greeter, version: '%s' }
        use:
          authentications:
            catalogue: { basic: { username: %s, password: %s } }
          catalogs:
            mine:
              endpoint: { uri: '%s', authentication: { use: catalogue } }
        do:
          - hello:
              call: %s
              with: { name: '${ .who }' }
        """.formatted(version, CatalogServer.USER, CatalogServer.PASSWORD, endpoint, call);
  }

  @Test
  void a_catalog_function_is_fetched_when_the_workflow_is_defined_and_runs_in_its_instances() {
    try (CatalogServer catalog = new CatalogServer(); RunningServer s = RunningServer.start(TestDb.H2, dir, Tokens.none(), List.of())) {
      catalog.function("greet", "1.0.0", """
          set: { greeting: '${ "Hello, " + .name + "!" }' }
          output: { schema: { document: { type: object, required: [greeting] } } }
          """);
      Http http = s.http();
      Http.Reply defined = http.post("/api/v1/workflows", null, YAML, greeter("1.0.0", catalog.endpoint(), "greet:1.0.0@mine"));
      assertThat(defined.status()).as(defined.text()).isEqualTo(201);
      String id = http.postJson("/api/v1/instances", null, "{\"definition\":\"api-test/greeter\",\"input\":{\"who\":\"Ada\"}}")
          .json().path("id").asText();
      JsonNode done = Workflows.awaitEnd(http, null, id);
      assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
      assertThat(done.path("output").path("greeting").asText()).isEqualTo("Hello, Ada!");
      assertThat(catalog.requests()).as("fetched once, when defined").isEqualTo(1);
    }
  }

  @Test
  void a_function_the_catalog_does_not_have_or_cannot_serve_is_a_422_at_the_call() {
    try (CatalogServer catalog = new CatalogServer(); RunningServer s = RunningServer.start(TestDb.H2, dir, Tokens.none(), List.of())) {
      catalog.function("odd", "1.0.0", "shout: loud");
      for (String[] c : new String[][] {{catalog.endpoint(), "missing:1.0.0@mine", "HTTP 404"},
          {catalog.endpoint(), "odd:1.0.0@mine", "is not a valid task"}, {"http://127.0.0.1:1/catalog", "greet:1.0.0@mine", "unavailable"}}) {
        Http.Reply r = s.http().post("/api/v1/workflows", null, YAML, greeter("2.0.0", c[0], c[1]));
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        List<String> pointers = new ArrayList<>();
        r.json().path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
        assertThat(pointers).as(r.text()).containsExactly("/do/0/hello/call");
        assertThat(r.text()).contains(c[1], c[2]).doesNotContain("Exception", "\tat ");
      }
      assertThat(s.http().get("/api/v1/workflows/api-test/greeter", null).status()).as("nothing stored").isEqualTo(404);
    }
  }
}
