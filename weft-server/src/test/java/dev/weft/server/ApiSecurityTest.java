package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.server.api.Access;
import dev.weft.server.api.ApiResource;
import dev.weft.server.api.ApiRoute;
import dev.weft.server.api.Replies;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.runtime.TestDb;
import io.javalin.http.HandlerType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bearer tokens and the role matrix, over real sockets. */
class ApiSecurityTest {
  static final String ADMIN = "admin-token-0123456789";
  static final String OPERATOR = "operator-token-0123456789";
  static final String VIEWER = "viewer-token-0123456789";
  static final String AGENT = "agent-token-0123456789";

  /** Stands in for the agent protocol and an admin-only route, which other resources will bring. */
  static final ApiResource PROBES = routes -> {
    routes.add(new ApiRoute(HandlerType.GET, "/api/v1/agent/probe", Access.AGENT, "agent probe", List.of(), null,
        Map.of(200, "ok"), ctx -> Replies.json(ctx, 200, Map.of("ok", true))));
    routes.add(new ApiRoute(HandlerType.POST, "/api/v1/admin-probe", Access.ADMIN, "admin probe", List.of(), null,
        Map.of(200, "ok"), ctx -> Replies.json(ctx, 200, Map.of("ok", true))));
  };

  @TempDir
  static Path dir;
  static RunningServer server;
  static Http http;

  @BeforeAll
  static void start() {
    Tokens tokens = Tokens.parse("""
        # name the tokens; the names show in logs and 403s, the tokens never do
        %s admin alice
        %s operator ci
        %s viewer dashboard
        %s agent node-1
        """.formatted(ADMIN, OPERATOR, VIEWER, AGENT), "tokens.txt");
    server = RunningServer.start(TestDb.H2, dir, tokens, List.of(PROBES));
    http = server.http();
    http.post("/api/v1/workflows", ADMIN, "application/yaml", Workflows.SQUARE);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> matrix() {
    String start = "{\"definition\":\"api-test/square\",\"input\":{\"n\":1}}";
    return Stream.of(
        // who, method, path, body, expected status
        Arguments.of("nobody", "GET", "/api/v1/instances", null, 401),
        Arguments.of("a wrong token", "GET", "/api/v1/instances", null, 401),
        Arguments.of("nobody", "POST", "/api/v1/instances", start, 401),
        Arguments.of("nobody", "GET", "/metrics", null, 401),
        Arguments.of("nobody", "GET", "/healthz", null, 200),
        Arguments.of("nobody", "GET", "/api/v1/openapi.json", null, 200),
        Arguments.of("viewer", "GET", "/api/v1/instances", null, 200),
        Arguments.of("viewer", "GET", "/api/v1/workflows", null, 200),
        Arguments.of("viewer", "GET", "/metrics", null, 200),
        Arguments.of("viewer", "POST", "/api/v1/instances", start, 403),
        Arguments.of("viewer", "POST", "/api/v1/workflows", null, 403),
        Arguments.of("viewer", "GET", "/api/v1/agent/probe", null, 403),
        Arguments.of("operator", "POST", "/api/v1/instances", start, 201),
        Arguments.of("operator", "POST", "/api/v1/admin-probe", null, 403),
        Arguments.of("operator", "GET", "/api/v1/agent/probe", null, 403),
        Arguments.of("agent", "GET", "/api/v1/agent/probe", null, 200),
        Arguments.of("agent", "GET", "/api/v1/instances", null, 403),
        Arguments.of("agent", "GET", "/api/v1/workflows", null, 403),
        Arguments.of("agent", "POST", "/api/v1/instances", start, 403),
        Arguments.of("agent", "POST", "/api/v1/admin-probe", null, 403),
        Arguments.of("agent", "GET", "/metrics", null, 403),
        Arguments.of("admin", "POST", "/api/v1/admin-probe", null, 200),
        Arguments.of("admin", "GET", "/api/v1/agent/probe", null, 200),
        Arguments.of("admin", "POST", "/api/v1/instances", start, 201),
        // instance operations and events: operate
        Arguments.of("viewer", "POST", "/api/v1/instances/nope/cancel", null, 403),
        Arguments.of("operator", "POST", "/api/v1/instances/nope/cancel", null, 404),
        Arguments.of("agent", "POST", "/api/v1/instances/nope/retry", null, 403),
        Arguments.of("viewer", "POST", "/api/v1/events", "{\"type\":\"t\"}", 403),
        Arguments.of("operator", "POST", "/api/v1/events", "{\"type\":\"t\"}", 200),
        // jobs: read and operate; tasks: read
        Arguments.of("viewer", "GET", "/api/v1/jobs", null, 200),
        Arguments.of("agent", "GET", "/api/v1/jobs", null, 403),
        Arguments.of("viewer", "POST", "/api/v1/jobs", "{\"task\":{\"resources\":{\"cpu\":1}}}", 403),
        Arguments.of("operator", "POST", "/api/v1/jobs", "{\"task\":{\"resources\":{\"cpu\":1}}}", 201),
        Arguments.of("viewer", "POST", "/api/v1/jobs/nope/cancel", null, 403),
        Arguments.of("viewer", "GET", "/api/v1/tasks/nope/explain", null, 404),
        Arguments.of("agent", "GET", "/api/v1/tasks/nope", null, 403),
        // nodes and queues: read, changes are admin
        Arguments.of("viewer", "GET", "/api/v1/nodes", null, 200),
        Arguments.of("operator", "POST", "/api/v1/nodes/nope/drain", null, 403),
        Arguments.of("admin", "POST", "/api/v1/nodes/nope/drain", null, 404),
        Arguments.of("viewer", "GET", "/api/v1/queues", null, 200),
        Arguments.of("operator", "PUT", "/api/v1/queues", "{\"name\":\"root\"}", 403),
        Arguments.of("agent", "GET", "/api/v1/queues", null, 403));
  }

  @ParameterizedTest(name = "{0}: {1} {2} -> {4}")
  @MethodSource("matrix")
  void each_role_reaches_exactly_what_the_matrix_allows(String who, String method, String path, String body, int expected) {
    String token = switch (who) {
      case "admin" -> ADMIN;
      case "operator" -> OPERATOR;
      case "viewer" -> VIEWER;
      case "agent" -> AGENT;
      case "a wrong token" -> "not-a-token-0123456789";
      default -> null;
    };
    Http.Reply r = http.send(method, path, token, body == null ? null : "application/json", body);
    assertThat(r.status()).as(r.text()).isEqualTo(expected);
    if (expected >= 400) {
      assertThat(r.contentType()).isEqualTo("application/problem+json");
      assertThat(r.json().path("status").asInt()).isEqualTo(expected);
      assertThat(r.text()).doesNotContain(ADMIN, OPERATOR, VIEWER, AGENT, "not-a-token");
    }
    if (expected == 401) {
      assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
    }
  }

  @Test
  void a_forbidden_answer_names_the_role_and_token_name_but_not_the_token() {
    Http.Reply r = http.postJson("/api/v1/instances", VIEWER, "{\"definition\":\"api-test/square\"}");
    assertThat(r.json().path("detail").asText()).contains("viewer", "dashboard");
  }

  @Test
  void a_bearer_header_in_another_scheme_or_empty_is_unauthorized() {
    for (String header : List.of("Basic " + ADMIN, "Bearer ", "Bearer", ADMIN)) {
      Http.Reply r = http.send("GET", "/api/v1/instances", null, null, null, "Authorization", header);
      assertThat(r.status()).as(header).isEqualTo(401);
    }
  }

  @Test
  void a_token_added_to_or_removed_from_the_tokens_file_counts_without_a_restart() throws Exception {
    Path file = dir.resolve("reloaded-tokens.txt");
    java.nio.file.Files.writeString(file, ADMIN + " admin alice\n");
    java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
    try (RunningServer own = RunningServer.start(TestDb.H2, dir.resolve("reload"),
        Tokens.watching(file, nanos::get), List.of())) {
      Http h = own.http();
      assertThat(h.get("/api/v1/workflows", ADMIN).status()).isEqualTo(200);
      assertThat(h.get("/api/v1/workflows", VIEWER).status()).isEqualTo(401);
      java.nio.file.Files.writeString(file, VIEWER + " viewer dashboard\n");
      nanos.addAndGet(Tokens.RECHECK_NANOS);
      assertThat(h.get("/api/v1/workflows", VIEWER).status()).as("added").isEqualTo(200);
      assertThat(h.get("/api/v1/workflows", ADMIN).status()).as("revoked").isEqualTo(401);
      assertThat(h.post("/api/v1/workflows", VIEWER, "application/yaml", Workflows.SQUARE).status())
          .as("a new token has its role").isEqualTo(403);
    }
  }
}
