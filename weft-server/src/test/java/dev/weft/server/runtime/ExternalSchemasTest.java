package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.weft.store.Database;
import dev.weft.store.Definition;
import dev.weft.store.InstanceStatus;
import dev.weft.workflow.read.WorkflowValidationException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input, output and export schemas given as an external {@code resource} are fetched when the
 * definition is stored, kept inlined with it, and checked as inline ones are.
 */
class ExternalSchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ORDER = "{\"type\": \"object\", \"required\": [\"id\"], \"properties\": {\"id\": {\"type\": \"integer\"}}}";
  private static final AtomicInteger DBS = new AtomicInteger();

  @TempDir
  Path dir;
  private HttpServer server;
  private final Map<String, String> served = new ConcurrentHashMap<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private Database db;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      fetches.incrementAndGet();
      String body = served.get(ex.getRequestURI().getPath());
      byte[] bytes = (body == null ? "not here" : body).getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
    });
    server.start();
    db = Database.open("jdbc:h2:mem:external-schemas-" + DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
  }

  @AfterEach
  void stop() {
    server.stop(0);
    db.close();
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static String workflow(String version, String endpoint) {
    return """
        document: { dsl: '1.0.0', namespace: test, name: orders, version: '%s' }
        input:
          schema:
            format: json
            resource:
              name: order
              endpoint: '%s'
        do:
          - take:
              set: { got: '${ .id }' }
        """.formatted(version, endpoint);
  }

  private WorkflowRuntime runtime() {
    return new WorkflowRuntime(db, new FakeClock(0), () -> "x" + DBS.incrementAndGet(), Duration.ofSeconds(20), HostRedirects.NONE);
  }

  @Test
  void aSchemaFetchedOverHttpChecksTheInputAndIsStoredWithTheDefinition() throws Exception {
    served.put("/schemas/order.json", ORDER);
    String text = workflow("1.0.0", base() + "/schemas/order.json");
    WorkflowRuntime rt = runtime();
    RunResult ok = rt.run(text, JSON.readTree("{\"id\": 7}"), "k1");
    assertThat(ok.status()).as("%s", ok.error()).isEqualTo(InstanceStatus.COMPLETED);
    RunResult bad = rt.run(text, JSON.readTree("{\"id\": \"seven\"}"), "k2");
    assertThat(bad.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(bad.error().path("status").asInt()).isEqualTo(400);
    assertThat(bad.error().path("detail").asText()).contains("/id");
    assertThat(fetches.get()).as("fetched once, when stored").isEqualTo(1);
    Definition stored = db.definitions().latest("test/orders").orElseThrow();
    assertThat(stored.body()).doesNotContain("resource:").contains("required").contains(base() + "/schemas/order.json");
  }

  @Test
  void aStoredDefinitionIsReloadedWithoutFetchingAgain() throws Exception {
    served.put("/schemas/order.json", ORDER);
    Definition d = runtime().define(workflow("1.0.0", base() + "/schemas/order.json"));
    served.clear();
    int before = fetches.get();
    RunResult bad = runtime().run(db.definitions().find(d.name(), d.version()).orElseThrow().body(),
        JSON.readTree("{}"), "k3");
    assertThat(bad.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(bad.error().path("detail").asText()).contains("id");
    assertThat(fetches.get()).as("the schema server, now empty, is not asked").isEqualTo(before);
    Definitions fresh = new Definitions(db.definitions());
    assertThat(fresh.decider(d.name(), d.version()).plan().schemas().input().refusal()).isNull();
  }

  @Test
  void aSchemaIsReadFromAFileUri() throws Exception {
    Path file = dir.resolve("order.json");
    Files.writeString(file, ORDER);
    RunResult bad = runtime().run(workflow("1.0.0", file.toUri().toString()), JSON.readTree("{\"id\": 1.5}"), "k4");
    assertThat(bad.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(bad.error().path("status").asInt()).isEqualTo(400);
  }

  @Test
  void anUnreachableMissingOrInvalidSchemaIsRefusedNamingItsPointer() {
    served.put("/bad.json", "{\"type\": 12}");
    served.put("/text", "just: [words");
    Map<String, String> cases = Map.of(
        base() + "/missing.json", "HTTP 404",
        "http://127.0.0.1:1/nobody.json", "Service unavailable",
        base() + "/bad.json", "cannot be used",
        base() + "/text", "neither JSON nor YAML",
        dir.resolve("absent.json").toUri().toString(), "cannot read",
        "ftp://example.com/s.json", "only http, https and file");
    cases.forEach((endpoint, says) -> {
      WorkflowValidationException e = catchThrowableOfType(WorkflowValidationException.class,
          () -> new Definitions(db.definitions()).store(workflow("2.0.0", endpoint), Instant.EPOCH));
      assertThat(e).as(endpoint).isNotNull();
      assertThat(e.problems()).as(endpoint).singleElement().satisfies(p -> {
        assertThat(p.pointer()).isEqualTo("/input/schema/resource/endpoint");
        assertThat(p.line()).as("the endpoint line").isEqualTo(7);
        assertThat(p.message()).contains(endpoint).contains(says);
      });
    });
    assertThat(db.definitions().latest("test/orders")).as("nothing stored").isEmpty();
  }
}
