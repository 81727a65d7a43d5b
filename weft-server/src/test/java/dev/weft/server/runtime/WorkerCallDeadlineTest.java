package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.server.services.ServiceRegistry;
import dev.weft.store.Database;
import dev.weft.store.Instance;
import dev.weft.store.InstanceStatus;
import dev.weft.store.WorkerCallStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker's report that comes after its call's deadline ({@code behaviour.worker.timeout}) and
 * before the engine's lease expirer has looked: the report itself finds the call out of time, fails
 * it with a timeout and tells the worker it lost the call. The expirer is kept out of the way by an
 * idle poll of an hour (it looked once, at the start, and nothing rings it), and time is a fake
 * clock moved past the deadline between the lease and the report.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkerCallDeadlineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVICE = """
      kind: service
      name: slow-check
      version: 1.0.0
      behaviour:
        worker: { queue: checks, lease: 1s, timeout: 2s }
      """;
  private static final String CALLER = """
      document: { dsl: '1.0.0', namespace: test, name: checker, version: '1.0.0' }
      do:
        - check: { call: slow-check, with: { n: 1 } }
      """;

  @TempDir
  Path dir;

  interface Report {
    void on(WorkerCalls calls, WorkerCalls.Leased call);
  }

  private void lateReport(Report report) throws Exception {
    TestDb.Place place = TestDb.H2.place(dir);
    try (Database db = place.open()) {
      new ServiceRegistry(db.services()).define(SERVICE, Instant.EPOCH);
      FakeClock clock = new FakeClock(10_000);
      AtomicInteger ids = new AtomicInteger();
      WorkflowEngine engine = WorkflowEngine.open(db, EngineSettings.of("solo").withIdlePoll(Duration.ofHours(1)),
          clock, () -> "i" + ids.incrementAndGet());
      try {
        String id = engine.start(CALLER, JSON.readTree("{}"), "k");
        List<WorkerCalls.Leased> leased = engine.workerCalls().poll("w1", List.of("checks"), 1, Duration.ofSeconds(30));
        assertThat(leased).as("the call was made and leased").hasSize(1);
        WorkerCalls.Leased call = leased.get(0);
        clock.sleepUntil(10_000 + 2_500); // half a second past the call's deadline

        report.on(engine.workerCalls(), call);

        assertThat(engine.workerCalls().find(call.id()).orElseThrow().status()).isEqualTo(WorkerCallStatus.FAILED);
        Await.until(() -> db.instances().find(id).map(i -> i.status().terminal()).orElse(false),
            () -> id + " is " + db.instances().find(id).map(Instance::status).orElse(null));
        RunResult r = engine.result(id);
        assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
        assertThat(r.error().path("title").asText()).isEqualTo("Worker call timed out");
        assertThat(r.error().path("detail").asText()).contains("did not complete within 2 s", "the last to w1");
      } finally {
        engine.close();
      }
    } finally {
      place.dispose().run();
    }
  }

  @Test
  void a_result_reported_after_the_deadline_is_refused_and_the_call_times_out() throws Exception {
    lateReport((calls, call) -> assertThatThrownBy(
        () -> calls.complete(call.id(), "w1", call.attempt(), JSON.readTree("{\"ok\": true}")))
        .isInstanceOf(WorkerCalls.LeaseLostException.class)
        .hasMessageContaining("ran out of time before this report"));
  }

  @Test
  void a_failure_reported_after_the_deadline_is_refused_and_the_call_times_out() throws Exception {
    lateReport((calls, call) -> assertThatThrownBy(
        () -> calls.fail(call.id(), "w1", call.attempt(), JSON.readTree("{\"title\": \"nope\"}"), true))
        .isInstanceOf(WorkerCalls.LeaseLostException.class)
        .hasMessageContaining("ran out of time before this report"));
  }
}
