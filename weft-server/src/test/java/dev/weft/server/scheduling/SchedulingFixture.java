package dev.weft.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.scheduler.CorePlanner;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.server.runtime.TestDb;
import dev.weft.store.Database;
import dev.weft.store.JobKind;
import dev.weft.store.NewJob;
import dev.weft.store.NodeRecord;
import dev.weft.store.TaskRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Two servers on one database: each with its own connection pool and scheduler loop, as two
 * processes would be. Time is whatever the test passes.
 */
final class SchedulingFixture implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration LEASE = SchedulerLease.DEFAULT_TTL;
  static final Duration SILENCE = NodeLiveness.DEFAULT_TIMEOUT;

  final Database a;
  final Database b;
  final SchedulerLoop serverA;
  final SchedulerLoop serverB;
  private final TestDb.Place place;

  SchedulingFixture(TestDb target, Path tempDir) {
    place = target.place(tempDir);
    a = place.open();
    b = place.open();
    serverA = loop(a, "server-a");
    serverB = loop(b, "server-b");
  }

  static SchedulerLoop loop(Database db, String holder) {
    return new SchedulerLoop(db, new SchedulerLease(db.leases(), holder, LEASE),
        new CorePlanner(SchedulerConfig.defaults()), new NodeLiveness(db, SILENCE, 2), SchedulerLoop.DEFAULT_MAX_ATTEMPTS);
  }

  void node(String id, double cpus, Instant at) {
    a.nodes().register(SpecJson.newNode(Node.of(id, Resources.of(Math.round(cpus * 1000), 4096))), at);
  }

  static TaskSpec.Builder task(String id, double cpus) {
    return TaskSpec.builder(id).resources(Resources.of(Math.round(cpus * 1000), 256));
  }

  void submit(String jobId, Instant at, TaskSpec.Builder... tasks) {
    List<TaskSpec> specs = Arrays.stream(tasks).map(TaskSpec.Builder::build).toList();
    JobKind kind = specs.size() == 1 ? JobKind.SINGLE
        : specs.stream().anyMatch(s -> !s.dependsOn().isEmpty()) ? JobKind.DAG : JobKind.ARRAY;
    a.jobs().submit(new NewJob(jobId, jobId, kind, specs.stream().map(s -> SpecJson.newTask(s, jobId)).toList()), at);
  }

  TaskRecord task(String id) {
    return a.tasks().find(id).orElseThrow();
  }

  /** No node holds more CPU than it has, counting every task placed or running on it. */
  void assertNoNodeOvercommitted() {
    for (NodeRecord n : a.nodes().list()) {
      long cpu = SpecJson.node(n).capacity().cpuMillis();
      long used = a.tasks().onNode(n.id()).stream().mapToLong(t -> SpecJson.task(t).resources().cpuMillis()).sum();
      assertThat(used).as("cpu used on " + n.id()).isLessThanOrEqualTo(cpu);
    }
  }

  @Override
  public void close() {
    a.close();
    b.close();
    place.dispose().run();
  }
}
