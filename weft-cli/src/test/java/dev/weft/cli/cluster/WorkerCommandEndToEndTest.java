package dev.weft.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.server.ServerSettings;
import dev.weft.server.WeftServer;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.secrets.SecretSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft worker} as a real child process against a server on loopback: it leases the calls
 * of a worker service, runs a shell script per call with the input on stdin, and the script's
 * stdout is the step's result; a script that exits non-zero fails the call with its exit code and
 * stderr; SIGTERM stops the worker.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkerCommandEndToEndTest {
  private static final String OPERATOR = "operator-token-wk-0123456789";
  private static final String WORKER = "worker-token-wk-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private String base;

  @TempDir
  Path dir;

  @Test
  void weft_worker_runs_its_command_for_each_call() throws Exception {
    Path script = dir.resolve("ocr.sh");
    Files.writeString(script, """
        #!/bin/sh
        input=$(cat)
        case "$input" in
          *'"page":99'*) echo "no page 99 in $WEFT_SERVICE attempt $WEFT_ATTEMPT" >&2; exit 3;;
        esac
        echo "$input" | sed -e 's/{"page":\\([0-9]*\\)}/{"text":"page \\1"}/'
        """);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Tokens tokens = Tokens.parse(OPERATOR + " operator\n" + WORKER + " worker\n", "tokens");
    try (WeftServer server = WeftServer.start(new ServerSettings("jdbc:h2:file:" + dir.resolve("db/weft").toAbsolutePath(),
        new ApiSettings("127.0.0.1", 0, tokens, Bodies.DEFAULT_LIMIT), 2, SecretSource.none()), List.of())) {
      base = "http://127.0.0.1:" + server.port();
      assertThat(post("/api/v1/services", "application/yaml", """
          kind: service
          name: ocr
          version: 1.0.0
          contract: { output: { type: object, required: [text] } }
          behaviour: { worker: { queue: pages } }
          """).statusCode()).isEqualTo(201);
      assertThat(post("/api/v1/workflows", "application/yaml", """
          document: { dsl: '1.0.0', namespace: test, name: read-page, version: '1.0.0' }
          do:
            - read:
                call: ocr
                with: { page: '${ .page }' }
          """).statusCode()).isEqualTo(201);
      try (ChildProcess worker = ChildProcess.weft("worker", List.of("worker", "--server", base, "--token", WORKER,
          "--queue", "pages", "--name", "sh-worker", "--threads", "2", "--", script.toString()))) {
        assertThat(worker.await(Pattern.compile("weft worker sh-worker: polling pages"), Duration.ofSeconds(60)))
            .as(worker::output).isPresent();
        String ok = start(7);
        String bad = start(99);
        JsonNode done = awaitEnd(ok);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("output")).isEqualTo(JSON.readTree("{\"text\": \"page 7\"}"));
        JsonNode failed = awaitEnd(bad);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.at("/error/title").asText()).endsWith("ocr.sh exited with 3");
        assertThat(failed.at("/error/detail").asText()).isEqualTo("no page 99 in ocr attempt 1");
      }
    }
  }

  private String start(int page) throws Exception {
    HttpResponse<String> r = post("/api/v1/instances", "application/json",
        "{\"definition\":\"test/read-page\",\"input\":{\"page\":" + page + "}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).path("id").asText();
  }

  private JsonNode awaitEnd(String id) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      JsonNode i = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/instances/" + id))
          .header("Authorization", "Bearer " + OPERATOR).build(), HttpResponse.BodyHandlers.ofString()).body());
      if (List.of("COMPLETED", "FAILED", "CANCELLED").contains(i.path("status").asText())) {
        return i;
      }
      assertThat(System.nanoTime()).as("instance %s still %s", id, i.path("status").asText()).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private HttpResponse<String> post(String path, String type, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + OPERATOR)
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
