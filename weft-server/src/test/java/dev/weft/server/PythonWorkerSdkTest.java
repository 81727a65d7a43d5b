package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.server.runtime.TestDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python worker SDK ({@code sdk/python/weft_worker.py}) in a real {@code python3} process
 * against a real server on loopback, the same cases as the Java SDK's {@link WorkerSdkTest}: the
 * handlers' outputs and failures become the steps' results, a retryable exception is tried again as
 * the contract allows, a permanent failure is not, a slow handler keeps its call with heartbeats;
 * SIGTERM stops the worker cleanly. Skipped when no {@code python3} (3.8 or later) is on the PATH.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PythonWorkerSdkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SDK = Path.of("..", "sdk", "python").toAbsolutePath().normalize();
  private static final String WORKER = """
      import sys, threading, time
      sys.path.insert(0, sys.argv[1])
      from weft_worker import Worker, WorkerFailure
      server, token, queue = sys.argv[2:5]
      tries, lock = {}, threading.Lock()
      worker = Worker(server, token=token, name="py-1", threads=2, poll_wait=2)

      @worker.handler(queue)
      def read_page(call):
          page = call.input["page"]
          with lock:
              tries[page] = tries.get(page, 0) + 1
              tried = tries[page]
          print("page %d try %d attempt %d %s@%s" % (page, tried, call.attempt, call.service, call.version), flush=True)
          if page == 3:
              raise WorkerFailure.permanent("Unreadable page", "page 3 is blank")
          if page == 4 and tried == 1:
              raise RuntimeError("scanner jammed")
          if page == 5:
              time.sleep(2.5)  # longer than the 1 s lease: the heartbeats keep it
              return {"text": "slow page"}
          return {"text": "page %d on try %d" % (page, tried) if page == 4 else "page %d" % page}

      worker.run()
      print("stopped", flush=True)
      """;

  @TempDir
  Path dir;

  @Test
  void handlers_outputs_and_failures_become_the_steps_results_and_sigterm_stops_it() throws Exception {
    assumeTrue(python(), "no python3 (3.8 or later) on the PATH: the Python SDK is not tested here");
    assertThat(SDK.resolve("weft_worker.py")).exists();
    try (RunningServer server = RunningServer.start(TestDb.H2, dir, WorkerProtocolApiTest.TOKENS, List.of())) {
      Http http = server.http();
      WorkerProtocolApiTest.Setup s = WorkerProtocolApiTest.service(http, ", lease: 1s", "retry: { attempts: 1 }");
      Path script = Files.writeString(dir.resolve("worker.py"), WORKER);
      Path out = dir.resolve("worker.out");
      Process p = new ProcessBuilder("python3", script.toString(), SDK.toString(),
          "http://127.0.0.1:" + server.server().port(), WorkerProtocolApiTest.WORKER, s.queue())
          .redirectErrorStream(true).redirectOutput(out.toFile()).start();
      try {
        Map<Integer, String> ids = new TreeMap<>();
        for (int page = 1; page <= 5; page++) {
          ids.put(page, WorkerProtocolApiTest.startInstance(http, s, page));
        }
        JsonNode one = WorkerProtocolApiTest.awaitEnded(http, ids.get(1));
        assertThat(one.path("output")).as(one + "\n" + read(out)).isEqualTo(JSON.readTree("{\"got\": \"page 1\"}"));
        JsonNode three = WorkerProtocolApiTest.awaitEnded(http, ids.get(3));
        assertThat(three.path("status").asText()).isEqualTo("FAILED");
        assertThat(three.at("/error/title").asText()).isEqualTo("Unreadable page");
        assertThat(three.at("/error/detail").asText()).isEqualTo("page 3 is blank");
        JsonNode four = WorkerProtocolApiTest.awaitEnded(http, ids.get(4));
        assertThat(four.path("output")).as(four + "\n" + read(out))
            .isEqualTo(JSON.readTree("{\"got\": \"page 4 on try 2\"}"));
        JsonNode five = WorkerProtocolApiTest.awaitEnded(http, ids.get(5));
        assertThat(five.path("output")).as(five + "\n" + read(out)).isEqualTo(JSON.readTree("{\"got\": \"slow page\"}"));
        String log = read(out);
        assertThat(log).as("a permanent failure is not retried").contains("page 3 try 1 attempt 1")
            .doesNotContain("page 3 try 2");
        assertThat(log).as("a retryable one is, as the next attempt").contains("page 4 try 1 attempt 1",
            "page 4 try 2 attempt 2");
        assertThat(log).as("kept by heartbeats, never offered again").contains("page 5 try 1")
            .doesNotContain("page 5 try 2");
        assertThat(log).contains(s.service() + "@2.0.0");

        p.destroy(); // SIGTERM
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM\n" + read(out)).isTrue();
        assertThat(p.exitValue()).as(read(out)).isZero();
        assertThat(read(out)).contains("stopped").doesNotContain("Traceback");
      } finally {
        p.destroyForcibly();
      }
    }
  }

  private static boolean python() {
    try {
      Process v = new ProcessBuilder("python3", "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 8) else 1)")
          .redirectErrorStream(true).start();
      return v.waitFor(30, TimeUnit.SECONDS) && v.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }
}
