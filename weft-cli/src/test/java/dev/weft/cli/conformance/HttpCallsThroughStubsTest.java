package dev.weft.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.weft.server.runtime.RunResult;
import dev.weft.server.runtime.RuntimeClock;
import dev.weft.server.runtime.WorkflowRuntime;
import dev.weft.store.Database;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code call: http} and {@code call: openapi} carried out by the runtime over real sockets, the
 * workflow texts naming the real hosts and the requests going to the loopback stand-ins:
 * output modes, authentication inline and by reference, faults.
 */
class HttpCallsThroughStubsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger IDS = new AtomicInteger();
  private static StubServers stubs;
  private static Database db;
  private static WorkflowRuntime runtime;

  @BeforeAll
  static void start() throws Exception {
    stubs = StubServers.start();
    db = Database.open("jdbc:h2:mem:http-calls-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    runtime = new WorkflowRuntime(db, RuntimeClock.system(), () -> "i" + IDS.incrementAndGet(), Duration.ofSeconds(10),
        stubs.redirects());
  }

  @AfterAll
  static void stop() {
    db.close();
    stubs.close();
  }

  private static RunResult run(String doTasks, String input) throws Exception {
    return run("", doTasks, input);
  }

  private static RunResult run(String use, String doTasks, String input) throws Exception {
    String doc = "document: { dsl: '1.0.0', namespace: test, name: calls" + IDS.incrementAndGet() + ", version: '1.0.0' }\n"
        + use + "do:\n" + doTasks;
    return runtime.run(doc, YAML.readTree(input), "k" + IDS.incrementAndGet());
  }

  @Test
  void responseOutputHasTheRequestAsWrittenAndTheResponse() throws Exception {
    RunResult r = run("""
          - getPet:
              call: http
              with: { method: get, endpoint: 'https://petstore.swagger.io/v2/pet/{petId}', output: response }
        """, "petId: 2");
    assertThat(r.completed()).as(String.valueOf(r.error())).isTrue();
    assertThat(r.output().at("/request/method").asText()).isEqualTo("GET");
    assertThat(r.output().at("/request/uri").asText()).isEqualTo("https://petstore.swagger.io/v2/pet/2");
    assertThat(r.output().path("statusCode").asInt()).isEqualTo(200);
    assertThat(r.output().at("/headers/content-type").asText()).isEqualTo("application/json");
    assertThat(r.output().at("/content/id").asInt()).isEqualTo(2);
  }

  @Test
  void rawOutputIsTheBodyInBase64() throws Exception {
    RunResult r = run("""
          - getPet:
              call: http
              with: { method: get, endpoint: { uri: 'https://petstore.swagger.io/v2/pet/1' }, output: raw }
        """, "{}");
    JsonNode body = JSON.readTree(Base64.getDecoder().decode(r.output().asText()));
    assertThat(body.path("id").asInt()).isEqualTo(1);
  }

  @Test
  void bearerAuthenticationByReferenceIsEvaluatedAndSent() throws Exception {
    RunResult r = run("""
        use:
          authentications:
            token:
              bearer:
                token: ${ .secret }
        """, """
          - who:
              call: http
              with:
                method: get
                endpoint: { uri: 'https://httpbin.org/bearer', authentication: { use: token } }
        """, "secret: s3cr3t");
    assertThat(r.completed()).as(String.valueOf(r.error())).isTrue();
    assertThat(r.output().path("token").asText()).isEqualTo("s3cr3t");
  }

  @Test
  void aRefusedCallFaultsWithTheCtkCommunicationTypeAndTheStatus() throws Exception {
    RunResult r = run("""
          - login:
              call: http
              with:
                method: get
                endpoint:
                  uri: https://httpbin.org/basic-auth/{user}/right
                  authentication: { basic: { username: '${ .user }', password: wrong } }
        """, "user: me");
    assertThat(r.completed()).isFalse();
    assertThat(r.error().path("type").asText()).isEqualTo("https://serverlessworkflow.io/dsl/errors/types/communication");
    assertThat(r.error().path("status").asInt()).isEqualTo(401);
    assertThat(r.error().path("instance").asText()).isEqualTo("/do/0/login");
  }

  @Test
  void aDslMdSpelledCatchStillCatchesTheCommunicationError() throws Exception {
    RunResult r = run("""
          - guarded:
              try:
                - fail:
                    call: http
                    with: { method: get, endpoint: 'https://httpbin.org/status/503' }
              catch:
                errors:
                  with: { type: 'https://serverlessworkflow.io/spec/1.0.0/errors/communication', status: 503 }
                as: e
                do:
                  - keep:
                      set: { caught: '${ $e.status }' }
        """, "{}");
    assertThat(r.completed()).as(String.valueOf(r.error())).isTrue();
    assertThat(r.output().path("caught").asInt()).isEqualTo(503);
  }

  @Test
  void anExpressionEndpointWithQueryAndBodyIsSent() throws Exception {
    RunResult r = run("""
          - send:
              call: http
              with:
                method: post
                endpoint: ${ "https://httpbin.org/anything/" + .path }
                query: { q: 'a b' }
                headers: { X-Trace: t1 }
                body: { name: '${ .path }' }
        """, "path: pets");
    assertThat(r.completed()).as(String.valueOf(r.error())).isTrue();
    assertThat(r.output().path("method").asText()).isEqualTo("POST");
    assertThat(r.output().at("/args/q").asText()).isEqualTo("a b");
    assertThat(r.output().at("/headers/X-Trace").asText()).isEqualTo("t1");
    assertThat(r.output().at("/json/name").asText()).isEqualTo("pets");
    assertThat(r.output().path("url").asText()).contains("/anything/pets?q=a+b");
  }

  @Test
  void openApiBuildsTheRequestFromTheOperation() throws Exception {
    RunResult r = run("""
          - find:
              call: openapi
              with:
                document: { endpoint: 'https://petstore.swagger.io/v2/swagger.json' }
                operationId: findPetsByStatus
                parameters: { status: [sold, pending] }
                output: response
        """, "{}");
    assertThat(r.completed()).as(String.valueOf(r.error())).isTrue();
    assertThat(r.output().at("/request/uri").asText())
        .isEqualTo("https://petstore.swagger.io/v2/pet/findByStatus?status=sold&status=pending");
    assertThat(r.output().path("content")).extracting(p -> p.path("status").asText()).containsExactlyInAnyOrder("pending", "sold");
  }

  @Test
  void openApiFaultsClearlyOnAMissingParameterAnUnknownOperationAndA404() throws Exception {
    String call = """
          - get:
              call: openapi
              with:
                document: { endpoint: 'https://petstore.swagger.io/v2/swagger.json' }
                operationId: %s
                parameters: %s
        """;
    RunResult missing = run(call.formatted("getPetById", "{}"), "{}");
    assertThat(missing.error().path("status").asInt()).isEqualTo(400);
    assertThat(missing.error().path("detail").asText()).contains("needs parameter 'petId' (in path)");
    RunResult unknown = run(call.formatted("deletePet", "{ petId: 1 }"), "{}");
    assertThat(unknown.error().path("detail").asText()).contains("no operation with operationId 'deletePet'");
    RunResult notFound = run(call.formatted("getPetById", "{ petId: 999999 }"), "{}");
    assertThat(notFound.error().path("status").asInt()).isEqualTo(404);
    assertThat(notFound.error().path("type").asText()).endsWith("/communication");
  }

  @Test
  void anUnsupportedOAuth2GrantFaultsNamingTheGrant() throws Exception {
    RunResult r = run("""
          - token:
              call: http
              with:
                method: get
                endpoint:
                  uri: 'https://httpbin.org/get'
                  authentication: { oauth2: { authority: 'https://httpbin.org', grant: authorization_code, client: { id: a, secret: b } } }
        """, "{}");
    assertThat(r.error().path("status").asInt()).isEqualTo(501);
    assertThat(r.error().path("detail").asText()).contains("OAuth2 grant 'authorization_code' is not supported");
  }
}
