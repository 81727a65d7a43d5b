package dev.weft.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.Http;
import dev.weft.server.RunningServer;
import dev.weft.server.runtime.TestDb;
import dev.weft.server.api.auth.Tokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served OpenAPI document describes every registered route, its path parameters and its access. */
class OpenApiDocumentTest {
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

  @TempDir
  Path dir;

  @Test
  void every_registered_route_appears_with_its_parameters() {
    try (RunningServer s = RunningServer.start(TestDb.H2, dir, Tokens.none(), List.of())) {
      Http.Reply r = s.http().get(ApiServer.OPENAPI_PATH, null);
      assertThat(r.status()).isEqualTo(200);
      JsonNode doc = r.json();
      assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
      List<ApiRoute> routes = s.server().api().routes();
      assertThat(routes).extracting(ApiRoute::path).contains("/healthz", "/metrics", "/api/v1/workflows",
          "/api/v1/instances", "/api/v1/instances/{id}", ApiServer.OPENAPI_PATH);
      int operations = 0;
      for (ApiRoute route : routes) {
        JsonNode op = doc.path("paths").path(OpenApiDocument.openApiPath(route.path())).path(route.method().name().toLowerCase(Locale.ROOT));
        assertThat(op.isObject()).as(route.method() + " " + route.path()).isTrue();
        assertThat(op.path("x-weft-access").asText()).isEqualTo(route.access().name().toLowerCase(Locale.ROOT));
        assertThat(op.path("responses").has("default")).isTrue();
        List<String> declared = new ArrayList<>();
        op.path("parameters").forEach(p -> {
          if (p.path("in").asText().equals("path")) {
            declared.add(p.path("name").asText());
          }
        });
        List<String> inPath = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(OpenApiDocument.openApiPath(route.path()));
        while (m.find()) {
          inPath.add(m.group(1));
        }
        assertThat(declared).as(route.path()).containsExactlyElementsOf(inPath);
        if (route.body() != null) {
          assertThat(op.path("requestBody").path("content").size()).isEqualTo(route.body().mediaTypes().size());
        }
        operations++;
      }
      int documented = 0;
      for (JsonNode item : doc.path("paths")) {
        documented += item.size();
      }
      assertThat(documented).as("no operation the registry does not hold").isEqualTo(operations);
    }
  }

  @Test
  void a_route_cannot_be_registered_twice() {
    RouteRegistry reg = new RouteRegistry();
    ApiRoute r = new ApiRoute(io.javalin.http.HandlerType.GET, "/x", Access.READ, "x", List.of(), null,
        java.util.Map.of(200, "ok"), ctx -> { });
    reg.add(r);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> reg.add(r)).hasMessageContaining("GET /x is registered twice");
  }

  @Test
  void agent_access_is_for_the_agent_protocol_and_nothing_else_is_there() {
    RouteRegistry reg = new RouteRegistry();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> reg.add(new ApiRoute(io.javalin.http.HandlerType.GET,
        "/api/v1/instances/x", Access.AGENT, "x", List.of(), null, java.util.Map.of(), ctx -> { })))
        .hasMessageContaining("agent access is for /api/v1/agent/**");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> reg.add(new ApiRoute(io.javalin.http.HandlerType.GET,
        "/api/v1/agent/poll", Access.READ, "x", List.of(), null, java.util.Map.of(), ctx -> { })))
        .hasMessageContaining("agent access is for /api/v1/agent/**");
  }
}
