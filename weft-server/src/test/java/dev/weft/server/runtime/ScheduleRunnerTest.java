package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.Database;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Scheduled definitions start when due, on an injected clock; two runners on one database start each due run once. */
class ScheduleRunnerTest {
  private static final long MINUTE = 60_000;
  /** 2026-01-01T00:00:00Z */
  private static final long NEW_YEAR = 1_767_225_600_000L;

  @TempDir
  Path dir;

  private static String doc(String name, String schedule) {
    return """
        document: { dsl: '1.0.0', namespace: test, name: %s, version: '1.0.0' }
        schedule: %s
        do:
          - tick:
              set: { ticked: true }
        """.formatted(name, schedule);
  }

  interface Work {
    void on(WorkflowRuntime rt, Database db, FakeClock clock);
  }

  private void with(TestDb db, Work work) {
    TestDb.Place place = db.place(dir);
    try (Database d = place.open()) {
      AtomicInteger n = new AtomicInteger();
      FakeClock clock = new FakeClock(NEW_YEAR);
      work.on(new WorkflowRuntime(d, clock, () -> "i" + n.incrementAndGet(), Duration.ofSeconds(5)), d, clock);
    } finally {
      place.dispose().run();
    }
  }

  private static int count(Database d, String name) {
    return d.instances().list(InstanceFilter.all(100).withDefinition(name)).size();
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void everyStartsAtStoringAndThenTheLatestDueInterval(TestDb db) {
    with(db, (rt, d, clock) -> {
      rt.define(doc("every", "{ every: PT10M }"));
      ScheduleRunner runner = new ScheduleRunner(d, rt, clock);
      List<String> first = runner.runDue();
      assertThat(first).hasSize(1);
      assertThat(runner.runDue()).as("the same due start again").isEqualTo(first);
      assertThat(count(d, "test/every")).isEqualTo(1);
      clock.now.set(NEW_YEAR + 25 * MINUTE);
      runner.runDue();
      assertThat(count(d, "test/every")).as("the start at 10 minutes was missed and is not made up").isEqualTo(2);
      assertThat(rt.drive(first.getFirst()).output()).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("ticked", true));
    });
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void twoRunnersOnOneDatabaseStartEachDueRunOnce(TestDb db) {
    with(db, (rt, d, clock) -> {
      rt.define(doc("cron", "{ cron: '*/5 * * * *' }"));
      ScheduleRunner one = new ScheduleRunner(d, rt, clock);
      ScheduleRunner two = new ScheduleRunner(d, rt, clock);
      clock.now.set(NEW_YEAR + 7 * MINUTE);
      assertThat(one.runDue()).isEqualTo(two.runDue());
      clock.now.set(NEW_YEAR + 12 * MINUTE);
      assertThat(two.runDue()).isEqualTo(one.runDue());
      assertThat(count(d, "test/cron")).as("runs due at 5 and 10 minutes").isEqualTo(2);
    });
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void afterStartsTheNextRunOnlyOnceThePreviousEndedAndTheDelayPassed(TestDb db) {
    with(db, (rt, d, clock) -> {
      rt.define(doc("after", "{ after: { minutes: 5 } }").replace("do:\n", "do:\n  - pause:\n      wait: PT1M\n"));
      ScheduleRunner runner = new ScheduleRunner(d, rt, clock);
      String firstRun = runner.runDue().getFirst();
      clock.now.set(NEW_YEAR + 30 * MINUTE);
      assertThat(runner.runDue()).as("the first run waits and has not ended").isEmpty();
      assertThat(rt.drive(firstRun).status()).as("it ends now, at 30 minutes").isEqualTo(InstanceStatus.COMPLETED);
      clock.now.set(NEW_YEAR + 34 * MINUTE);
      assertThat(runner.runDue()).isEmpty();
      clock.now.set(NEW_YEAR + 35 * MINUTE);
      List<String> second = runner.runDue();
      assertThat(second).hasSize(1).doesNotContain(firstRun);
      assertThat(new ScheduleRunner(d, rt, clock).runDue()).as("a fresh runner walks the chain to the running second run").isEmpty();
      assertThat(count(d, "test/after")).isEqualTo(2);
    });
  }
}
