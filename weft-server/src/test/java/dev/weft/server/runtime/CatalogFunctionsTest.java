package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.store.Database;
import dev.weft.store.Definition;
import dev.weft.store.InstanceStatus;
import dev.weft.workflow.read.WorkflowValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call of {@code NAME:VERSION@CATALOG} with the catalog under {@code use.catalogs}: the
 * function's definition is fetched when the workflow is stored, written into it, and runs as the
 * task it is, with the call's {@code with} as its input.
 */
class CatalogFunctionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger DBS = new AtomicInteger();
  static final String GREET = """
      input:
        schema:
          document: { type: object, required: [name], properties: { name: { type: string } } }
      set:
        greeting: '${ "Hello, " + .name + "!" }'
      output:
        schema:
          document: { type: object, required: [greeting] }
      """;

  @TempDir
  Path dir;
  private CatalogServer catalog;
  private Database db;

  @BeforeEach
  void start() {
    catalog = new CatalogServer();
    db = Database.open("jdbc:h2:mem:catalog-functions-" + DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
  }

  @AfterEach
  void stop() {
    catalog.close();
    db.close();
  }

  /** Calls {@code call} (with {@code who} as its input's name) from a catalog {@code mine} at {@code endpoint}, by a named basic policy. */
  static String greeter(String version, String endpoint, String call) {
    return """
        document: { dsl: '1.0.3', namespace: test, name: greeter, version: '%s' }
        use:
          authentications:
            catalogue: { basic: { username: %s, password: %s } }
          catalogs:
            mine:
              endpoint:
                uri: '%s'
                authentication: { use: catalogue }
        do:
          - hello:
              call: %s
              with:
                name: '${ .who }'
              output:
                as: '${ { said: .greeting } }'
        """.formatted(version, CatalogServer.USER, CatalogServer.PASSWORD, endpoint, call);
  }

  private WorkflowRuntime runtime() {
    return new WorkflowRuntime(db, new FakeClock(0), () -> "c" + DBS.incrementAndGet(), Duration.ofSeconds(20), HostRedirects.NONE);
  }

  private static InMemoryRunner memory(String text) {
    return new InMemoryRunner(text, new FakeClock(0), () -> "m" + DBS.incrementAndGet(), Duration.ofSeconds(20));
  }

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void aFunctionOfACatalogBehindBasicAuthenticationRunsWithItsSchemasAndIsStoredWithTheDefinition() throws Exception {
    catalog.function("greet", "1.0.0", GREET);
    String text = greeter("1.0.0", catalog.endpoint(), "greet:1.0.0@mine");
    WorkflowRuntime rt = runtime();
    RunResult ok = rt.run(text, json("{\"who\": \"Ada\"}"), "k1");
    assertThat(ok.status()).as("%s", ok.error()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(ok.output()).isEqualTo(json("{\"said\": \"Hello, Ada!\"}"));
    RunResult noName = rt.run(text, json("{}"), "k2");
    assertThat(noName.status()).as("the function's input schema holds").isEqualTo(InstanceStatus.FAILED);
    assertThat(noName.error().path("status").asInt()).isEqualTo(400);
    assertThat(catalog.requests()).as("fetched once, when stored").isEqualTo(1);
    String stored = db.definitions().latest("test/greeter").orElseThrow().body();
    assertThat(stored).startsWith("# Stored by Weft with its catalog functions written in:\n"
        + "#   /do/0/hello/do/0/greet: greet:1.0.0@mine from " + catalog.endpoint() + "/functions/greet/1.0.0/function.yaml\n")
        .doesNotContain("call:").contains("Hello, ");

    RunResult inMemory = memory(text).run(json("{\"who\": \"Bo\"}"));
    assertThat(inMemory.output()).isEqualTo(json("{\"said\": \"Hello, Bo!\"}"));
  }

  @Test
  void aStoredDefinitionIsReloadedAndRunWithoutAskingTheCatalog() throws Exception {
    catalog.function("greet", "1.0.0", GREET);
    Definition d = runtime().define(greeter("1.0.0", catalog.endpoint(), "greet:1.0.0@mine"));
    catalog.close();
    WorkflowRuntime restarted = runtime();
    String id = restarted.start(db.definitions().find(d.name(), d.version()).orElseThrow(), json("{\"who\": \"Cy\"}"), "k3", "after");
    assertThat(restarted.drive(id).output()).isEqualTo(json("{\"said\": \"Hello, Cy!\"}"));
  }

  @Test
  void aProcessFunctionRunsAndAFunctionsSchemaResourceIsFetchedToo() throws Exception {
    catalog.document("/schemas/shout.json", "{\"type\": \"object\", \"required\": [\"text\"]}");
    catalog.function("shout", "2.0.0", """
        input:
          schema:
            resource: { endpoint: '%s/schemas/shout.json' }
        run:
          shell:
            command: 'echo "$TEXT" | tr a-z A-Z'
            environment:
              TEXT: '${ .text }'
        """.formatted(catalog.base()));
    String text = """
        document: { dsl: '1.0.0', namespace: test, name: shouter, version: '1.0.0' }
        use:
          catalogs:
            tools:
              endpoint:
                uri: '%s'
                authentication: { basic: { username: %s, password: %s } }
        do:
          - loud:
              call: shout:2.0.0@tools
              with: { text: '${ .words }' }
        """.formatted(catalog.endpoint(), CatalogServer.USER, CatalogServer.PASSWORD);
    RunResult r = runtime().run(text, json("{\"words\": \"quiet please\"}"), "k4");
    assertThat(r.status()).as("%s", r.error()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(r.output().asText()).isEqualTo("QUIET PLEASE\n");
    String stored = db.definitions().latest("test/shouter").orElseThrow().body();
    assertThat(stored).contains("# Stored by Weft with its catalog functions written in:", "# Stored by Weft with its external schemas inlined:",
        "/do/0/loud/do/0/shout/input/schema from " + catalog.base() + "/schemas/shout.json").doesNotContain("resource:");
  }

  @Test
  void aCatalogIsReadFromAFileUri() throws Exception {
    Path fn = Files.createDirectories(dir.resolve("catalog/functions/greet/1.0.0")).resolve("function.yaml");
    Files.writeString(fn, GREET);
    String endpoint = dir.resolve("catalog").toUri().toString();
    assertThat(memory(greeter("1.0.0", endpoint, "greet:1.0.0@mine")).run(json("{\"who\": \"Di\"}")).output())
        .isEqualTo(json("{\"said\": \"Hello, Di!\"}"));
  }

  @Test
  void aFunctionThatCannotBeFetchedOrIsNoTaskIsRefusedAtTheCall() {
    catalog.function("text", "1", "just: [words");
    catalog.function("word", "1", "hello");
    catalog.function("odd", "1", "shout: loud");
    catalog.function("jq", "1", "set: { x: '${ .a | }' }");
    catalog.function("schema", "1", "set: { x: 1 }\noutput: { schema: { resource: { endpoint: 'http://127.0.0.1:1/s.json' } } }");
    Map<String, String[]> cases = new LinkedHashMap<>();
    cases.put("missing:1@mine", new String[] {catalog.endpoint(), "HTTP 404"});
    cases.put("text:1@mine", new String[] {catalog.endpoint(), "is not YAML"});
    cases.put("word:1@mine", new String[] {catalog.endpoint(), "holds string, not a task definition"});
    cases.put("odd:1@mine", new String[] {catalog.endpoint(), "is not a valid task"});
    cases.put("jq:1@mine", new String[] {catalog.endpoint(), "/set/x: jq expression does not compile"});
    cases.put("schema:1@mine", new String[] {catalog.endpoint(), "at /output/schema/resource/endpoint: the external schema"});
    cases.put("greet:1.0.0@mine", new String[] {"http://127.0.0.1:1/catalog", "Service unavailable"});
    cases.put("ghost:1@mine", new String[] {dir.resolve("nowhere").toUri().toString(), "cannot read"});
    cases.forEach((call, c) -> {
      WorkflowValidationException e = catchThrowableOfType(WorkflowValidationException.class,
          () -> new Definitions(db.definitions()).store(greeter("2.0.0", c[0], call), Instant.EPOCH));
      assertThat(e).as(call).isNotNull();
      assertThat(e.problems()).as(call).singleElement().satisfies(p -> {
        assertThat(p.pointer()).isEqualTo("/do/0/hello/call");
        assertThat(p.line()).as("the call's line").isEqualTo(12);
        assertThat(p.message()).contains(call).contains(c[0] + "/functions/").contains(c[1]);
      });
    });
    assertThat(db.definitions().latest("test/greeter")).as("nothing stored").isEmpty();
  }

  @Test
  void aWrongPasswordIsRefusedAtTheCall() {
    catalog.function("greet", "1.0.0", GREET);
    String text = greeter("1.0.0", catalog.endpoint(), "greet:1.0.0@mine").replace(CatalogServer.PASSWORD, "guess");
    WorkflowValidationException e = catchThrowableOfType(WorkflowValidationException.class, () -> runtime().define(text));
    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.toString()).startsWith("/do/0/hello/call:").contains("401"));
  }

  @Test
  void aFunctionCallingAFunctionHasItWrittenInToo() throws Exception {
    catalog.function("polite", "1", "call: formal:1@mine\nwith: { name: '${ \"dear \" + .name }' }");
    catalog.function("formal", "1", "call: greet:1.0.0@mine\nwith: { name: '${ .name | ascii_upcase }' }");
    catalog.function("greet", "1.0.0", GREET);
    RunResult r = memory(greeter("1.0.0", catalog.endpoint(), "polite:1@mine")).run(json("{\"who\": \"x\"}"));
    assertThat(r.output()).isEqualTo(json("{\"said\": \"Hello, DEAR X!\"}"));
  }

  @Test
  void aFunctionCallingItselfIsRefusedPastEightDeepAndFetchedOnce() {
    catalog.function("loop", "1", "call: loop:1@mine\nwith: { name: '${ .name }' }");
    WorkflowValidationException e = catchThrowableOfType(WorkflowValidationException.class,
        () -> memory(greeter("1.0.0", catalog.endpoint(), "loop:1@mine")));
    assertThat(e).isNotNull();
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.pointer()).isEqualTo("/do/0/hello/call");
      assertThat(p.message()).contains("more than 8 deep", String.join(" -> ", java.util.Collections.nCopies(9, "loop:1@mine")));
    });
    assertThat(catalog.requests()).as("one fetch, kept for the other calls").isEqualTo(1);
  }
}
