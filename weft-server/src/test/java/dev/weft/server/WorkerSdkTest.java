package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.server.runtime.TestDb;
import dev.weft.worker.WeftWorker;
import dev.weft.worker.WorkerFailure;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker SDK ({@code weft-worker}) against a real server on loopback: its handlers' outputs
 * and failures become the steps' results, a retryable exception is tried again as the contract
 * allows, a permanent failure is not, and a slow handler keeps its call with heartbeats.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkerSdkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void handlers_outputs_and_failures_become_the_steps_results() throws Exception {
    try (RunningServer server = RunningServer.start(TestDb.H2, dir, WorkerProtocolApiTest.TOKENS, List.of())) {
      Http http = server.http();
      WorkerProtocolApiTest.Setup s = WorkerProtocolApiTest.service(http, ", lease: 1s", "retry: { attempts: 1 }");
      Map<Integer, AtomicInteger> tries = new ConcurrentHashMap<>();
      Set<String> workers = ConcurrentHashMap.newKeySet();
      try (WeftWorker worker = WeftWorker.builder(URI.create("http://127.0.0.1:" + server.server().port()))
          .token(WorkerProtocolApiTest.WORKER).name("sdk-1").threads(2).pollWait(Duration.ofSeconds(2))
          .handle(s.queue(), call -> {
            int page = call.input().path("page").asInt();
            int tried = tries.computeIfAbsent(page, p -> new AtomicInteger()).incrementAndGet();
            workers.add(call.service() + "@" + call.version() + " attempt " + call.attempt());
            return switch (page) {
              case 3 -> throw WorkerFailure.permanent("Unreadable page", "page 3 is blank");
              case 4 -> {
                if (tried == 1) {
                  throw new IllegalStateException("scanner jammed");
                }
                yield JSON.createObjectNode().put("text", "page 4 on try " + tried);
              }
              case 5 -> {
                Thread.sleep(2500); // longer than the 1 s lease: the heartbeats keep it
                yield JSON.createObjectNode().put("text", "slow page");
              }
              default -> JSON.createObjectNode().put("text", "page " + page);
            };
          }).start()) {
        Map<Integer, String> ids = new ConcurrentHashMap<>();
        for (int page = 1; page <= 5; page++) {
          ids.put(page, WorkerProtocolApiTest.startInstance(http, s, page));
        }
        JsonNode one = WorkerProtocolApiTest.awaitEnded(http, ids.get(1));
        assertThat(one.path("output")).as(one.toString()).isEqualTo(JSON.readTree("{\"got\": \"page 1\"}"));
        JsonNode three = WorkerProtocolApiTest.awaitEnded(http, ids.get(3));
        assertThat(three.path("status").asText()).isEqualTo("FAILED");
        assertThat(three.at("/error/title").asText()).isEqualTo("Unreadable page");
        assertThat(three.at("/error/detail").asText()).isEqualTo("page 3 is blank");
        assertThat(tries.get(3).get()).as("a permanent failure is not retried").isEqualTo(1);
        JsonNode four = WorkerProtocolApiTest.awaitEnded(http, ids.get(4));
        assertThat(four.path("output")).as(four.toString()).isEqualTo(JSON.readTree("{\"got\": \"page 4 on try 2\"}"));
        JsonNode five = WorkerProtocolApiTest.awaitEnded(http, ids.get(5));
        assertThat(five.path("output")).as(five.toString()).isEqualTo(JSON.readTree("{\"got\": \"slow page\"}"));
        assertThat(tries.get(5).get()).as("kept by heartbeats, never offered again").isEqualTo(1);
        assertThat(workers).contains(s.service() + "@2.0.0 attempt 1", s.service() + "@2.0.0 attempt 2");
      }
    }
  }
}
