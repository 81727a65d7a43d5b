package dev.weft.cli.cluster;

import static dev.weft.cli.cluster.ClusterChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.server.ServerSettings;
import dev.weft.server.WeftServer;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.scheduling.SchedulingSettings;
import dev.weft.server.secrets.SecretSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5 must-show 3 for steps that run on agents: a server given a secret, a real {@code weft agent}
 * child process, and a {@code run: shell} step that puts {@code $secrets.token} in its command and
 * its environment and prints it to stdout and stderr. The process sees the value (it writes it to
 * files the test reads), yet no API answer (task, job, jobs list, explain, instance, history,
 * instance tasks, logs decoded) and no cell of any table (text or bytes) holds it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SecretsInTasksEndToEndTest {
  private static final String ADMIN = "admin-token-sec-0123456789";
  private static final String AGENT = "agent-token-sec-0123456789";
  private static final String SECRET = "s3cr3t-Tk9-value";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  private String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"postgresql", "h2"})
  void a_shell_step_uses_a_secret_on_an_agent_and_nothing_stores_or_answers_it(String kind) throws Exception {
    PostgresSchema schema = kind.equals("h2") ? null : PostgresSchema.create("weft_sec_");
    String url = schema == null ? "jdbc:h2:file:" + dir.resolve("db/weft").toAbsolutePath() : schema.url();
    Tokens tokens = Tokens.parse(ADMIN + " admin\n" + AGENT + " agent node-agents\n", "tokens");
    Path seen = Files.createDirectories(dir.resolve("seen"));
    List<AutoCloseable> open = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    try {
      WeftServer server = WeftServer.start(new ServerSettings(url, new ApiSettings("127.0.0.1", 0, tokens,
          Bodies.DEFAULT_LIMIT), 4, SecretSource.of(Map.of("token", TextNode.valueOf(SECRET)))),
          SchedulingSettings.withNodeTimeout("sec-e2e-" + UUID.randomUUID(), Duration.ofSeconds(10)), List.of());
      open.add(server);
      base = "http://127.0.0.1:" + server.port();
      ChildProcess agent = ChildProcess.agent("node-s", "eu/zone-a/rack-1", List.of(base), AGENT, dir);
      open.add(agent);
      waitFor("the agent joined", () -> server.database().nodes().list().size() == 1, agent::output);

      Reply defined = call("POST", "/api/v1/workflows", "application/yaml", workflow(seen));
      assertThat(defined.status).as(defined.body.toString()).isEqualTo(201);
      Reply started = call("POST", "/api/v1/instances", "application/json", "{\"definition\": \"e2e/secret-shell\"}");
      assertThat(started.status).as(started.body.toString()).isEqualTo(201);
      String id = started.body.path("id").asText();
      JsonNode done = awaitEnd(id);
      assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
      assertThat(Files.readString(seen.resolve("env.txt"))).as("the environment the process saw").isEqualTo(SECRET);
      assertThat(Files.readString(seen.resolve("cmd.txt"))).as("the command the process ran").isEqualTo(SECRET);

      JsonNode link = call("GET", "/api/v1/instances/" + id + "/tasks", null, null).body.path("items").get(0);
      String taskId = link.path("taskId").asText();
      String logs = waitForLogs(taskId);
      assertThat(logs).as("the shipped logs, decoded").contains("out:" + "*".repeat(SECRET.length()))
          .contains("err:" + "*".repeat(SECRET.length()));
      answers.add(logs);
      for (String path : List.of("/api/v1/tasks/" + taskId, "/api/v1/jobs/" + taskId, "/api/v1/jobs",
          "/api/v1/tasks/" + taskId + "/explain", "/api/v1/instances/" + id, "/api/v1/instances",
          "/api/v1/instances/" + id + "/history", "/api/v1/instances/" + id + "/tasks")) {
        Reply r = call("GET", path, null, null);
        assertThat(r.status).as(path + " " + r.body).isEqualTo(200);
        answers.add(r.body.toString());
      }
      assertThat(answers.getFirst()).isNotEmpty();
      assertThat(call("GET", "/api/v1/tasks/" + taskId, null, null).body.toString())
          .as("the stored task names the secret by a mask").contains("secret:token");
      assertThat(answers).noneMatch(a -> a.contains(SECRET));
      List<String> scanned = new ArrayList<>();
      assertThat(cellsHolding(url, scanned)).as("cells holding the secret").isEmpty();
      assertThat(scanned).as("tables scanned").anyMatch(t -> t.equalsIgnoreCase("weft_task"))
          .anyMatch(t -> t.equalsIgnoreCase("weft_task_output")).anyMatch(t -> t.equalsIgnoreCase("weft_task_log_chunk"));
    } finally {
      for (AutoCloseable c : open.reversed()) {
        c.close();
      }
      if (schema != null) {
        schema.close();
      }
    }
  }

  /** The step writes what it saw to files (so the test can check it) and prints it to both streams. */
  private static String workflow(Path seen) {
    String d = seen.toAbsolutePath().toString();
    return """
        document: { dsl: '1.0.0', namespace: e2e, name: secret-shell, version: '1.0.0' }
        use: { secrets: [token] }
        do:
          - leak:
              run:
                shell:
                  command: '${ "printf %%s \\"$TOKEN\\" > %1$s/env.txt; printf %%s \\"" + $secrets.token + "\\" > %1$s/cmd.txt; echo out:$TOKEN; echo err:$TOKEN >&2" }'
                  environment: { TOKEN: '${ $secrets.token }' }
        """.formatted(d);
  }

  /** The task's stdout and stderr as the logs API gives them, once both streams are complete. */
  private String waitForLogs(String taskId) throws Exception {
    StringBuilder text = new StringBuilder();
    waitFor("the logs of " + taskId + " arrived", () -> {
      try {
        JsonNode page = call("GET", "/api/v1/tasks/" + taskId + "/logs", null, null).body;
        text.setLength(0);
        page.path("chunks").forEach(c -> text.append(new String(Base64.getDecoder().decode(c.path("data").asText()),
            StandardCharsets.UTF_8)));
        return text.toString().contains("out:") && text.toString().contains("err:");
      } catch (Exception e) {
        return false;
      }
    }, text::toString);
    return text.toString();
  }

  /** Every cell of every table of the database that holds the secret, as text or as UTF-8 bytes. */
  private static List<String> cellsHolding(String url, List<String> scanned) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(dev.weft.store.jdbc.Dialect.of(url).prepare(url))) {
      List<String> tables = new ArrayList<>();
      String schema = c.getSchema();
      try (ResultSet t = c.getMetaData().getTables(null, null, "%", null)) {
        while (t.next()) {
          if (String.valueOf(t.getString("TABLE_TYPE")).contains("TABLE") && schema.equalsIgnoreCase(t.getString("TABLE_SCHEM"))) {
            tables.add(t.getString("TABLE_NAME"));
          }
        }
      }
      for (String table : tables) {
        scanned.add(table);
        try (ResultSet rows = c.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
              String cell = text(rows.getObject(i));
              if (cell != null && cell.contains(SECRET)) {
                found.add(table + "." + rows.getMetaData().getColumnName(i));
              }
            }
          }
        }
      }
    }
    return found;
  }

  private static String text(Object cell) throws Exception {
    return switch (cell) {
      case null -> null;
      case byte[] b -> new String(b, StandardCharsets.UTF_8);
      case Blob b -> new String(b.getBytes(1, (int) b.length()), StandardCharsets.UTF_8);
      default -> cell.toString();
    };
  }

  private JsonNode awaitEnd(String id) throws Exception {
    JsonNode[] last = new JsonNode[1];
    waitFor("instance " + id + " ended", () -> {
      try {
        last[0] = call("GET", "/api/v1/instances/" + id, null, null).body;
      } catch (Exception e) {
        return false;
      }
      return List.of("COMPLETED", "FAILED", "CANCELLED").contains(last[0].path("status").asText());
    }, () -> String.valueOf(last[0]));
    return last[0];
  }

  private record Reply(int status, JsonNode body) {}

  private Reply call(String method, String path, String type, String body) throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + ADMIN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      req.header("Content-Type", type);
    }
    HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body()));
  }
}
