package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.Database;
import dev.weft.store.Instance;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two engines, each with its own connection pool, share one database as two servers would:
 * instances started on either are carried on by both, every command is carried out by exactly
 * one of them (claims skip locked rows; leases outlast the calls), and every instance completes.
 */
class TwoEnginesTest {
  private static final int INSTANCES = 60;

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void twoEnginesOnOneDatabaseCarryEachCommandOutOnceAndCompleteEverything(TestDb kind) throws Exception {
    TestDb.Place place = kind.place(dir);
    try (CountingService service = new CountingService(5); Database dbA = place.open(); Database dbB = place.open()) {
      String doc = OrdersWorkflow.document(service.base(), "PT0.2S");
      WorkflowEngine engineA = WorkflowEngine.open(dbA, EngineSettings.of("a").withDispatchers(4), RuntimeClock.system(),
          () -> "a-" + UUID.randomUUID());
      WorkflowEngine engineB = WorkflowEngine.open(dbB, EngineSettings.of("b").withDispatchers(4), RuntimeClock.system(),
          () -> "b-" + UUID.randomUUID());
      try {
        for (int n = 0; n < INSTANCES; n++) {
          (n % 2 == 0 ? engineA : engineB).start(doc, OrdersWorkflow.input(n), OrdersWorkflow.key(n));
        }
        Await.until(() -> completed(dbA).size() == INSTANCES, () -> completed(dbA).size() + " of " + INSTANCES + " completed");
      } finally {
        engineA.close();
        engineB.close();
      }
      EngineStats a = engineA.stats(); // after close: the dispatchers have counted what they recorded
      EngineStats b = engineB.stats();
      for (Instance i : completed(dbA)) {
        assertThat(Snapshots.result(i).output()).as("output of %s", i.idempotencyKey())
            .isEqualTo(OrdersWorkflow.expectedOutput(OrdersWorkflow.order(i.idempotencyKey())));
      }
      int calls = INSTANCES * OrdersWorkflow.CALLED_PATHS.length;
      assertThat(service.requests.get()).as("http requests: one per step, none twice").isEqualTo(calls);
      assertThat(service.byKey).hasSize(calls);
      assertThat(a.commandsCarriedOut() + b.commandsCarriedOut()).as("commands carried out by a and b together")
          .isEqualTo(calls);
      System.out.printf("[two engines %s] a carried out %d, b %d; a: %d decisions in %d transactions (%d retries),"
              + " b: %d decisions in %d transactions (%d retries)%n", kind, a.commandsCarriedOut(), b.commandsCarriedOut(),
          a.decisions(), a.transactions(), a.retries(), b.decisions(), b.transactions(), b.retries());
    } finally {
      place.dispose().run();
    }
  }

  private static List<Instance> completed(Database db) {
    return db.instances().list(InstanceFilter.all(10_000).withStatus(InstanceStatus.COMPLETED));
  }
}
