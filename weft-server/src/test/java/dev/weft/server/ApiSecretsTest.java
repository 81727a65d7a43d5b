package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpServer;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.runtime.TestDb;
import dev.weft.server.secrets.SecretSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret given to the server (its SecretSource) is used by the workflow, yet appears in no API
 * response (instance, list, history, workflow), and in nothing the server logs at any level.
 */
class ApiSecretsTest {
  static final String SECRET = "s3cr3t-Wx9-token";

  @TempDir
  Path dir;

  @Test
  void a_secret_never_appears_in_responses_history_or_the_log() throws Exception {
    List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    HttpServer echo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    echo.createContext("/echo", ex -> {
      authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    echo.start();
    String base = "http://127.0.0.1:" + echo.getAddress().getPort();
    String uses = """
        document: { dsl: '1.0.0', namespace: api-test, name: %s, version: '0.1.0' }
        use: { secrets: [apiKey] }
        do:
        %s
        """;
    String calls = uses.formatted("uses-secret", """
          - call:
              call: http
              with:
                method: post
                endpoint: %s/echo
                headers: { Authorization: '${ "Bearer " + $secrets.apiKey }' }
                body: { note: '${ "key is " + $secrets.apiKey }' }
          - copy:
              set: { echoed: '${ .note }', direct: '${ $secrets.apiKey }' }
        """.formatted(base));
    String fails = uses.formatted("fails-with-secret", """
          - call:
              call: http
              with:
                method: get
                endpoint: '${ "http://127.0.0.1:1/x?key=" + $secrets.apiKey }'
        """);
    List<String> logged = Collections.synchronizedList(new ArrayList<>());
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        StringBuilder b = new StringBuilder(String.valueOf(r.getMessage()));
        if (r.getParameters() != null) {
          for (Object p : r.getParameters()) {
            b.append(' ').append(p);
          }
        }
        for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
          b.append(' ').append(t);
        }
        logged.add(b.toString());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger root = Logger.getLogger("");
    Level rootLevel = root.getLevel();
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    TestDb.Place place = TestDb.H2.place(dir);
    List<String> answers = new ArrayList<>();
    try (WeftServer server = WeftServer.start(new ServerSettings(place.url(),
        new ApiSettings("127.0.0.1", 0, Tokens.none(), Bodies.DEFAULT_LIMIT), 2,
        SecretSource.of(Map.of("apiKey", TextNode.valueOf(SECRET)))), List.of())) {
      Http http = new Http(server.port());
      for (String doc : List.of(calls, fails)) {
        Http.Reply d = http.post("/api/v1/workflows", null, "application/yaml", doc);
        assertThat(d.status()).as(d.text()).isEqualTo(201);
        answers.add(d.text());
      }
      String ok = start(http, "api-test/uses-secret", answers);
      String bad = start(http, "api-test/fails-with-secret", answers);
      answers.add(Workflows.awaitEnd(http, null, ok).toString());
      answers.add(Workflows.awaitEnd(http, null, bad).toString());
      for (String path : List.of("/api/v1/instances/" + ok, "/api/v1/instances/" + bad, "/api/v1/instances",
          "/api/v1/instances/" + ok + "/history", "/api/v1/instances/" + bad + "/history",
          "/api/v1/workflows/api-test/uses-secret", "/api/v1/workflows/api-test/fails-with-secret", "/metrics")) {
        Http.Reply r = http.get(path, null);
        assertThat(r.status()).as(path).isEqualTo(200);
        answers.add(r.text());
      }
      assertThat(http.get("/api/v1/instances/" + ok, null).json().path("status").asText()).isEqualTo("COMPLETED");
      assertThat(http.get("/api/v1/instances/" + bad, null).json().path("status").asText()).isEqualTo("FAILED");
      assertThat(http.get("/api/v1/instances/" + ok, null).json().path("output").path("echoed").asText())
          .as("the echo came back; the secret inside it is left out of the answer").startsWith("key is ");
    } finally {
      root.removeHandler(capture);
      root.setLevel(rootLevel);
      echo.stop(0);
      place.dispose().run();
    }
    assertThat(authorizations).as("the workflow did use the secret").containsExactly("Bearer " + SECRET);
    assertThat(answers).isNotEmpty().noneMatch(a -> a.contains(SECRET));
    assertThat(logged).as("the server logged something (the test sees its log)").isNotEmpty();
    assertThat(logged).noneMatch(l -> l.contains(SECRET));
  }

  private static String start(Http http, String definition, List<String> answers) {
    Http.Reply r = http.postJson("/api/v1/instances", null, "{\"definition\":\"" + definition + "\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    answers.add(r.text());
    return r.json().path("id").asText();
  }
}
