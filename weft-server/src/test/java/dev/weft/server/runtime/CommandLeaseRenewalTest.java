package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.Database;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 4's leftover: a command that runs longer than its lease is not carried out again by
 * another engine, because the engine carrying it out renews the lease while it runs. Two engines
 * share a database with a {@value #LEASE_MILLIS} ms command lease; every http call takes
 * {@value #CALL_MILLIS} ms, so without renewal each call's lease would run out mid-call and the
 * other engine would claim and send it again. The service must see each call exactly once.
 */
class CommandLeaseRenewalTest {
  private static final int INSTANCES = 3;
  private static final long LEASE_MILLIS = 2_000;
  private static final int CALL_MILLIS = 5_000;

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_command_longer_than_its_lease_is_carried_out_once(TestDb kind) throws Exception {
    TestDb.Place place = kind.place(dir);
    try (CountingService service = new CountingService(CALL_MILLIS); Database dbA = place.open(); Database dbB = place.open()) {
      WorkflowEngine engineA = WorkflowEngine.open(dbA, settings("a"), RuntimeClock.system(), () -> "a-" + UUID.randomUUID());
      WorkflowEngine engineB = WorkflowEngine.open(dbB, settings("b"), RuntimeClock.system(), () -> "b-" + UUID.randomUUID());
      try {
        String doc = OrdersWorkflow.document(service.base(), "PT0.1S");
        for (int n = 0; n < INSTANCES; n++) {
          (n % 2 == 0 ? engineA : engineB).start(doc, OrdersWorkflow.input(n), OrdersWorkflow.key(n));
        }
        Await.until(() -> completed(dbA) == INSTANCES, () -> completed(dbA) + " of " + INSTANCES + " completed");
      } finally {
        engineA.close();
        engineB.close();
      }
      int calls = INSTANCES * OrdersWorkflow.CALLED_PATHS.length;
      assertThat(service.byKey).as("calls made").hasSize(calls);
      assertThat(service.duplicateDeliveries()).as("calls sent again by the other engine after a lease ran out").isZero();
      assertThat(service.requests.get()).isEqualTo(calls);
    } finally {
      place.dispose().run();
    }
  }

  private static EngineSettings settings(String owner) {
    return EngineSettings.of(owner).withDispatchers(4).withCommandLease(Duration.ofMillis(LEASE_MILLIS))
        .withHttpTimeout(Duration.ofSeconds(60));
  }

  private static int completed(Database db) {
    return db.instances().list(InstanceFilter.all(100).withStatus(InstanceStatus.COMPLETED)).size();
  }
}
