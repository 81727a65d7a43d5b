package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.store.Database;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import dev.weft.store.RecordedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The multi-threaded engine on H2 and PostgreSQL: many instances at once, and a clean shutdown. */
class WorkflowEngineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int INSTANCES = 100;

  @TempDir
  Path dir;

  private static String squareTwice() {
    return """
        document:
          dsl: '1.0.0'
          namespace: test
          name: square-twice
          version: '0.1.0'
        do:
          - first:
              call: square
              with:
                x: ${ .n }
          - second:
              call: square
              with:
                x: ${ . }
        """;
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void manyInstancesStartedAtOnceAllCompleteAndDecisionsShareTransactions(TestDb kind) throws Exception {
    TestDb.Place place = kind.place(dir);
    AtomicInteger ids = new AtomicInteger();
    try (Database db = place.open()) {
      WorkflowEngine engine = WorkflowEngine.open(db, EngineSettings.of("solo"), RuntimeClock.system(),
          () -> "sq-" + ids.incrementAndGet());
      try {
        startAll(engine, INSTANCES);
        Await.until(() -> completed(db) == INSTANCES, () -> completed(db) + " of " + INSTANCES + " completed");
      } finally {
        engine.close();
      }
      EngineStats stats = engine.stats(); // after close: the dispatchers have counted what they recorded
      for (var i : db.instances().list(InstanceFilter.all(1000))) {
        long n = Long.parseLong(i.idempotencyKey().substring(2));
        assertThat(Snapshots.result(i).output().asLong()).as("n^4 for %s", i.idempotencyKey()).isEqualTo(n * n * n * n);
      }
      assertThat(stats.decisions()).as("Started and two results per instance").isEqualTo(3L * INSTANCES);
      assertThat(stats.commandsCarriedOut()).isEqualTo(2L * INSTANCES);
      System.out.printf("[engine %s] %d decisions in %d group-commit transactions (%.2f decisions per transaction),"
          + " %d units, %d retries%n", kind, stats.decisions(), stats.transactions(), stats.decisionsPerTransaction(),
          stats.units(), stats.retries());
    } finally {
      place.dispose().run();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void closeWaitsForTheCallUnderWayAndRecordsItAndAnotherEngineCarriesOn(TestDb kind) throws Exception {
    TestDb.Place place = kind.place(dir);
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (LocalHttp http = new LocalHttp(); Database db = place.open()) {
      http.beforeReply = () -> {
        arrived.countDown();
        awaitQuietly(release);
      };
      WorkflowEngine first = WorkflowEngine.open(db, EngineSettings.of("first"), RuntimeClock.system(), () -> "c1");
      String id = first.start(twoCalls(http.base()), JSON.createObjectNode(), "k1");
      assertThat(arrived.await(3, TimeUnit.MINUTES)).as("the first call reached the service").isTrue();
      Thread closing = Thread.ofPlatform().start(first::close);
      http.beforeReply = () -> { };
      release.countDown();
      closing.join();
      assertThat(db.events().history(id)).extracting(RecordedEvent::type)
          .as("the call under way at close was recorded before close returned")
          .startsWith("Started", "CommandCompleted");
      try (WorkflowEngine second = WorkflowEngine.open(db, EngineSettings.of("second"), RuntimeClock.system(), () -> "c2")) {
        Await.until(() -> second.result(id).status() == InstanceStatus.COMPLETED, () -> second.result(id).toString());
      }
      assertThat(http.count("/first")).isEqualTo(1);
      assertThat(http.count("/second")).isEqualTo(1);
    } finally {
      place.dispose().run();
    }
  }

  static void startAll(WorkflowEngine engine, int count) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> started = new ArrayList<>();
      for (int n = 1; n <= count; n++) {
        String key = "n-" + n;
        int value = n;
        started.add(clients.submit(() -> engine.start(squareTwice(), JSON.createObjectNode().put("n", value), key)));
      }
      for (Future<String> f : started) {
        f.get();
      }
    } finally {
      clients.shutdown();
    }
  }

  private static int completed(Database db) {
    return db.instances().list(InstanceFilter.all(10_000).withStatus(InstanceStatus.COMPLETED)).size();
  }

  private static String twoCalls(String base) {
    return WorkflowRuntimeTest.twoCalls("two-calls", base);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(3, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
