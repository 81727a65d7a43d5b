package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.Database;
import dev.weft.store.Instance;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import dev.weft.store.RecordedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The crash test: a child JVM runs {@value #INSTANCES} instances of {@link OrdersWorkflow}
 * (wait, http call, fork of two http calls) on the engine and is killed with SIGKILL once some,
 * not all, have completed (the service holds the answer to the last instance's first call until
 * after the kill, so that one cannot have completed, and its call must be repeated); a second
 * child on the same database resumes. Every instance must
 * complete with its own output, each http step must have been applied exactly once by the
 * counting service (one idempotency key per step), and no completed step ran again.
 */
class EngineCrashTest {
  private static final int INSTANCES = 200;
  private static final int KILL_AFTER_COMPLETED = 20;
  private static final Duration GENEROUS = Duration.ofMinutes(3);

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void killedMidwayEveryInstanceCompletesWithOneEffectiveCallPerStep(TestDb kind) throws Exception {
    TestDb.Place place = kind.place(dir);
    long t0 = System.nanoTime();
    try (CountingService service = new CountingService(10)) {
      service.hold(INSTANCES - 1); // the last instance cannot complete before the kill, and its held call must repeat
      String lastBeforeKill = runUntilMidwayAndKill(place.url(), service);
      service.release();
      int completedAtKill;
      try (Database db = place.open()) {
        assertThat(db.instances().list(InstanceFilter.all(10_000))).as("instances stored before the kill").hasSize(INSTANCES);
        completedAtKill = completed(db).size();
      }
      assertThat(completedAtKill).as("completed when killed").isBetween(KILL_AFTER_COMPLETED, INSTANCES - 1);
      int deliveriesAtKill = service.requests.get();
      long t1 = System.nanoTime();

      String lastOfResume;
      try (ChildJvm resumed = ChildJvm.start(CrashTestChild.class, place.url(), "resume", service.base(),
          String.valueOf(INSTANCES))) {
        resumed.await(l -> l.startsWith("finished"), GENEROUS);
        assertThat(resumed.awaitExit(GENEROUS)).isZero();
        lastOfResume = resumed.tailLine("opened") + "; " + resumed.tailLine("finished") + "; " + resumed.tailLine("progress");
      }
      long t2 = System.nanoTime();
      try (Database db = place.open()) {
        List<Instance> done = completed(db);
        assertThat(done).as("completed instances").hasSize(INSTANCES);
        for (Instance i : done) {
          assertThat(Snapshots.result(i).output()).as("output of %s", i.idempotencyKey())
              .isEqualTo(OrdersWorkflow.expectedOutput(OrdersWorkflow.order(i.idempotencyKey())));
          assertThat(eventTypes(db, i)).as("journal of %s: no step recorded twice", i.idempotencyKey())
              .isEqualTo(Map.of("Started", 1L, "TimerFired", 1L, "CommandCompleted", 3L));
        }
        assertOneEffectiveCallPerStep(service, done);
        assertThat(service.duplicateDeliveries()).as("the call held at the kill was delivered again").isPositive();
      }
      System.out.printf("[crash %s] first child until killed %.1f s, resumed child %.1f s (wall clock, for the log only)%n",
          kind, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
      System.out.printf("[crash %s] %d instances; killed with %d completed and %d requests delivered;"
              + " after resume: %d requests, %d distinct idempotency keys, %d duplicate deliveries absorbed%n"
              + "  first child's last progress (completed ended tx units decisions carried retries): %s%n"
              + "  resumed child: %s%n",
          kind, INSTANCES, completedAtKill, deliveriesAtKill, service.requests.get(), service.byKey.size(),
          service.duplicateDeliveries(), lastBeforeKill, lastOfResume);
    } finally {
      place.dispose().run();
    }
  }

  /** Runs the first child until every instance is started and some have completed; kills it; returns its last progress line. */
  private static String runUntilMidwayAndKill(String url, CountingService service) throws Exception {
    try (ChildJvm first = ChildJvm.start(CrashTestChild.class, url, "start", service.base(), String.valueOf(INSTANCES))) {
      first.await(l -> l.startsWith("started " + INSTANCES + " "), GENEROUS);
      String last = first.tailLine("opened") + "; " + first.tailLine("started") + "; " + first.await(l -> l.startsWith("progress ")
          && Integer.parseInt(l.split(" ")[1]) >= KILL_AFTER_COMPLETED, GENEROUS);
      assertThat(service.awaitHeld(GENEROUS.toMinutes(), TimeUnit.MINUTES)).as("the held call arrived").isTrue();
      first.kill();
      return last;
    }
  }

  private static List<Instance> completed(Database db) {
    return db.instances().list(InstanceFilter.all(10_000).withStatus(InstanceStatus.COMPLETED));
  }

  private static Map<String, Long> eventTypes(Database db, Instance i) {
    return db.events().history(i.id()).stream().collect(Collectors.groupingBy(RecordedEvent::type, Collectors.counting()));
  }

  /** Each instance has one applied key per called path, each path applied once per instance, nothing without a key. */
  private static void assertOneEffectiveCallPerStep(CountingService service, List<Instance> done) {
    assertThat(service.withoutKey.get()).as("requests without Idempotency-Key").isZero();
    assertThat(service.byKey).as("distinct idempotency keys = http steps").hasSize(INSTANCES * OrdersWorkflow.CALLED_PATHS.length);
    for (String path : OrdersWorkflow.CALLED_PATHS) {
      assertThat(service.appliedOn(path)).as("applied on %s", path).isEqualTo(INSTANCES);
    }
    Map<String, Instance> byId = done.stream().collect(Collectors.toMap(Instance::id, Function.identity()));
    Map<String, Long> keysPerInstance = service.byKey.keySet().stream()
        .collect(Collectors.groupingBy(k -> k.substring(0, k.indexOf('/')), Collectors.counting()));
    assertThat(keysPerInstance.keySet()).as("instances the keys name").isEqualTo(byId.keySet());
    assertThat(keysPerInstance.values()).as("keys per instance").allMatch(n -> n == OrdersWorkflow.CALLED_PATHS.length);
  }
}
