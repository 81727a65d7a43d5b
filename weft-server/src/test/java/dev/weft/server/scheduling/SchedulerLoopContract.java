package dev.weft.server.scheduling;

import static dev.weft.server.scheduling.SchedulingFixture.T0;
import static dev.weft.server.scheduling.SchedulingFixture.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.model.TaskRun;
import dev.weft.model.codec.SpecException;
import dev.weft.model.lifecycle.TaskEvent;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.scheduler.CorePlanner;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.PreemptionMode;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.server.runtime.RuntimeClock;
import dev.weft.server.runtime.TestDb;
import dev.weft.store.LeaseGrant;
import dev.weft.store.LeaseStore;
import dev.weft.store.NodeState;
import dev.weft.store.StaleVersionException;
import dev.weft.store.StoreUnavailableException;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two servers' scheduler loops on one database, on a clock the test moves by hand. */
abstract class SchedulerLoopContract {
  @TempDir Path tempDir;
  SchedulingFixture c;

  abstract TestDb target();

  @BeforeEach
  void open() {
    c = new SchedulingFixture(target(), tempDir);
  }

  @AfterEach
  void close() {
    c.close();
  }

  static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void only_the_lease_holder_plans_and_the_other_changes_nothing() {
    c.node("n1", 4, at(0));
    c.submit("j1", at(0), task("j1/0", 1), task("j1/1", 1));
    RoundResult a = c.serverA.runOnce(at(1));
    assertThat(a.leader()).isTrue();
    assertThat(a.epoch()).isEqualTo(1);
    assertThat(a.applied().placed()).containsExactlyInAnyOrder("j1/0@n1", "j1/1@n1");
    assertThat(a.mayPlaceMore()).as("it saw every pending task: nothing more to place until something changes").isFalse();
    c.submit("j2", at(2), task("j2/0", 1));
    RoundResult b = c.serverB.runOnce(at(2));
    assertThat(b.leader()).isFalse();
    assertThat(c.task("j2/0").status()).isEqualTo(TaskState.PENDING);
    assertThat(c.serverA.runOnce(at(3)).applied().placed()).containsExactly("j2/0@n1");
  }

  @Test
  void when_the_holder_stops_the_other_takes_over_within_the_lease_and_plans_from_the_database() {
    c.node("n1", 2, at(0));
    c.node("n2", 2, at(0));
    c.submit("j1", at(0), task("j1/0", 2), task("j1/1", 1));
    assertThat(c.serverA.runOnce(at(1)).applied().placed()).hasSize(2);
    // server A stops here: it renews nothing after t=1 s
    c.submit("j2", at(2), task("j2/0", 1), task("j2/1", 2));
    c.a.nodes().heartbeat("n1", at(10));
    c.a.nodes().heartbeat("n2", at(10));
    assertThat(c.serverB.runOnce(at(10)).leader()).isFalse();
    RoundResult b = c.serverB.runOnce(at(11));
    assertThat(b.leader()).isTrue();
    assertThat(b.epoch()).isEqualTo(2);
    // B never saw A's plan in memory: it knows n1/n2 are partly used only from the database
    assertThat(b.applied().placed()).containsExactly("j2/0@" + c.task("j1/1").nodeId());
    assertThat(c.task("j2/1").status()).isEqualTo(TaskState.PENDING);
    c.assertNoNodeOvercommitted();
    RoundResult aBack = c.serverA.runOnce(at(12));
    assertThat(aBack.leader()).isFalse();
    assertThat(c.a.tasks().withStatus(java.util.Set.of(TaskState.PLACED), 10)).hasSize(3);
  }

  @Test
  void running_until_stopped_plans_every_interval_on_the_clock_then_hands_the_lease_back() {
    c.node("n1", 4, at(0));
    c.submit("j1", at(0), task("j1/0", 1));
    JumpingClock clock = new JumpingClock(at(0).toEpochMilli());
    int[] rounds = {0};
    List<RuntimeException> errors = new ArrayList<>();
    c.serverA.runUntil(clock, Duration.ofSeconds(1), () -> rounds[0]++ == 3, errors::add);
    assertThat(errors).isEmpty();
    assertThat(clock.nowMillis()).isEqualTo(at(3).toEpochMilli());
    assertThat(c.task("j1/0").status()).isEqualTo(TaskState.PLACED);
    RoundResult b = c.serverB.runOnce(at(3));
    assertThat(b.leader()).as("server B leads at once: A released the lease").isTrue();
    assertThat(b.epoch()).isEqualTo(2);
  }

  @Test
  void a_failing_round_is_reported_and_the_next_rounds_still_run() throws Exception {
    c.node("n1", 4, at(0));
    c.submit("j1", at(0), task("j1/0", 1));
    // a tree written past the codec (by hand, or by an older version) that no longer reads
    c.a.queueTree().replace(new ObjectMapper().readTree("{\"name\": \"root\", \"children\": [{\"name\": \"Bad\"}]}"),
        0, at(0));
    int[] rounds = {0};
    List<RuntimeException> errors = new ArrayList<>();
    c.serverA.runUntil(new JumpingClock(at(1).toEpochMilli()), Duration.ofSeconds(1), () -> rounds[0]++ == 3,
        errors::add);
    assertThat(errors).hasSize(3).allSatisfy(e -> assertThat(e).isInstanceOf(SpecException.class)
        .hasMessageContaining("queue tree version 1.json").hasMessageContaining("/children/0/name"));
    new QueueTrees(c.a).apply("name: root\nchildren: [{name: default}]", "queues.yaml", 1, at(5));
    assertThat(c.serverA.runOnce(at(5)).applied().placed()).containsExactly("j1/0@n1");
  }

  /** Time that jumps to the wake-up time instead of sleeping. */
  private static final class JumpingClock implements RuntimeClock {
    private long now;

    JumpingClock(long start) {
      now = start;
    }

    @Override
    public long nowMillis() {
      return now;
    }

    @Override
    public void sleepUntil(long millis) {
      now = Math.max(now, millis);
    }
  }

  @Test
  void a_plan_made_under_a_lost_lease_is_refused_whole() {
    c.node("n1", 4, at(0));
    c.submit("j1", at(0), task("j1/0", 1));
    SchedulerLease leaseA = new SchedulerLease(c.a.leases(), "server-a", SchedulingFixture.LEASE);
    LeaseGrant grant = leaseA.acquire(at(0)).orElseThrow();
    Snapshot snapshot = new SnapshotReader(c.a).read(at(0));
    Plan plan = new CorePlanner(SchedulerConfig.defaults()).plan(snapshot.view(), snapshot.pending(), at(0).toEpochMilli());
    assertThat(plan.placements()).hasSize(1);
    // server A pauses past its lease; server B takes over
    c.a.nodes().heartbeat("n1", at(30));
    assertThat(c.serverB.runOnce(at(30)).epoch()).isEqualTo(2);
    assertThat(c.task("j1/0").nodeId()).isEqualTo("n1");
    long version = c.task("j1/0").version();
    assertThatThrownBy(() -> new PlanApplier(c.a, leaseA).apply(snapshot, plan, grant, at(31)))
        .isInstanceOf(LeaseLostException.class).hasMessageContaining("server-a no longer holds the scheduler lease at epoch 1");
    assertThat(c.task("j1/0").version()).isEqualTo(version);
  }

  @Test
  void a_write_that_commits_after_a_later_one_still_reaches_the_next_snapshot() throws Exception {
    c.node("n1", 4, at(0));
    c.submit("j1", at(0), task("j1/a", 1), task("j1/b", 1));
    SnapshotReader reader = new SnapshotReader(c.a, RoundBell.NONE.submitted());
    assertThat(reader.read(at(0)).taskVersions()).containsOnlyKeys("j1/a", "j1/b");
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    ExecutorService slowWriter = Executors.newSingleThreadExecutor();
    long a = c.task("j1/a").version();
    Future<?> cancel = slowWriter.submit(() -> c.b.transactor().inTransaction(() -> {
      c.b.tasks().apply(TaskChange.of("j1/a", a, TaskEvent.CANCEL, "no longer wanted"), at(1));
      written.countDown();
      await(commit);
      return null;
    }));
    written.await();
    c.a.tasks().apply(TaskChange.place("j1/b", c.task("j1/b").version(), "n1"), at(1)); // a later number, committed first
    assertThat(reader.read(at(1)).taskVersions()).containsOnlyKeys("j1/a", "j1/b");
    commit.countDown();
    cancel.get();
    slowWriter.shutdown();
    assertThat(reader.read(at(2)).taskVersions()).containsOnlyKeys("j1/b");
    assertThat(reader.read(at(2)).pending()).isEmpty();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void a_plan_onto_a_node_that_took_other_tasks_since_its_snapshot_is_refused() {
    c.node("n1", 1, at(0));
    c.submit("j1", at(0), task("j1/x", 1), task("j1/y", 1));
    SchedulerLease lease = new SchedulerLease(c.a.leases(), "server-a", SchedulingFixture.LEASE);
    LeaseGrant grant = lease.acquire(at(0)).orElseThrow();
    Snapshot s = new SnapshotReader(c.a).read(at(0));
    CorePlanner planner = new CorePlanner(SchedulerConfig.defaults());
    // two plans from one snapshot that each saw only one of the tasks: same node, different tasks
    Plan onlyX = planner.plan(s.view(), List.of(s.pending().get(0)), at(0).toEpochMilli());
    Plan onlyY = planner.plan(s.view(), List.of(s.pending().get(1)), at(0).toEpochMilli());
    PlanApplier applier = new PlanApplier(c.a, lease);
    assertThat(applier.apply(s, onlyX, grant, at(1)).placed()).containsExactly("j1/x@n1");
    assertThatThrownBy(() -> applier.apply(s, onlyY, grant, at(1))).isInstanceOf(StaleVersionException.class)
        .hasMessageContaining("node n1");
    assertThat(c.task("j1/y").status()).isEqualTo(TaskState.PENDING);
    c.assertNoNodeOvercommitted();
  }

  @Test
  void a_lower_priority_task_is_preempted_and_queued_again_with_its_attempt_counted() {
    c.node("n1", 2, at(0));
    c.submit("low", at(0), task("low/0", 2).priority(10));
    c.serverA.runOnce(at(1));
    new TaskReports(c.a).started("low/0", at(2));
    c.submit("high", at(3), task("high/0", 2).priority(90));
    RoundResult r = c.serverA.runOnce(at(4));
    assertThat(r.applied().preempted()).containsExactly("low/0");
    assertThat(r.applied().placed()).containsExactly("high/0@n1");
    assertThat(r.mayPlaceMore()).as("its victim waits again: another round at once").isTrue();
    TaskRecord victim = c.task("low/0");
    assertThat(victim.status()).isEqualTo(TaskState.PENDING);
    assertThat(victim.attempt()).isEqualTo(1);
    assertThat(victim.nodeId()).isNull();
    assertThat(victim.message()).startsWith("preempted for high/0");
    c.assertNoNodeOvercommitted();
  }

  /** Server A's loop with a planner that preempts by suspension. */
  private SchedulerLoop suspending() {
    SchedulerConfig config = SchedulerConfig.defaults();
    return new SchedulerLoop(c.a, new SchedulerLease(c.a.leases(), "server-a", SchedulingFixture.LEASE),
        new CorePlanner(config.withPreemption(config.preemption().withMode(PreemptionMode.SUSPEND))),
        new NodeLiveness(c.a, SchedulingFixture.SILENCE, 2), SchedulerLoop.DEFAULT_MAX_ATTEMPTS);
  }

  @Test
  void in_suspend_mode_a_running_process_stops_in_place_keeping_its_memory_and_resumes_when_its_cpu_is_free() {
    SchedulerLoop server = suspending();
    TaskReports reports = new TaskReports(c.a);
    c.node("n1", 2, at(0));
    c.submit("low", at(0), task("low/0", 2).priority(10).run(TaskRun.shell("sleep 600")));
    c.submit("inside", at(0), task("inside/0", 0).priority(10).run(new TaskRun("noop", List.of(), Map.of(), 0)));
    server.runOnce(at(1));
    reports.started("low/0", at(2));
    reports.started("inside/0", at(2));
    c.submit("high", at(3), task("high/0", 2).priority(90).run(TaskRun.shell("sleep 1")));
    RoundResult r = server.runOnce(at(4));
    assertThat(r.applied().placed()).containsExactly("high/0@n1");
    TaskRecord victim = c.task("low/0");
    assertThat(victim.status()).isEqualTo(TaskState.SUSPENDED);
    assertThat(victim.attempt()).as("not queued again").isZero();
    assertThat(victim.nodeId()).isEqualTo("n1");
    assertThat(victim.message()).startsWith("suspended for high/0");
    Snapshot s = new SnapshotReader(c.a).read(at(5));
    assertThat(s.view().running()).filteredOn(t -> t.spec().id().equals("low/0"))
        .singleElement().satisfies(t -> {
          assertThat(t.spec().resources().cpuMillis()).as("its cpu is given up").isZero();
          assertThat(t.spec().resources().memoryMiB()).as("its memory is kept").isEqualTo(256);
        });
    assertThat(r.applied().preempted()).containsExactlyInAnyOrder("low/0", "inside/0");
    // a builtin runs inside the agent: it cannot be suspended, so it is killed and queued again
    assertThat(c.task("inside/0").status()).isEqualTo(TaskState.PENDING);
    assertThat(c.task("inside/0").attempt()).isEqualTo(1);
    QueueUsage.Line root = QueueUsage.read(c.a, at(5)).queues().get(0);
    assertThat(root.holding()).as("high placed, low suspended").isEqualTo(2);
    assertThat(root.used().cpuMillis()).as("the suspended task's cpu is not counted").isEqualTo(2000);
    assertThat(root.used().memoryMiB()).as("its memory is").isEqualTo(512);
    assertThat(r.agentsHaveNews()).as("a victim to stop").isTrue();
    RoundResult waiting = server.runOnce(at(5));
    assertThat(c.task("low/0").status()).as("the cpu is still taken").isEqualTo(TaskState.SUSPENDED);
    assertThat(waiting.resumed()).isFalse();

    reports.started("high/0", at(6));
    reports.finished("high/0", 0, "ok", at(7));
    RoundResult resuming = server.runOnce(at(8));
    assertThat(resuming.resumed()).isTrue();
    assertThat(resuming.agentsHaveNews()).as("its agent is told to resume it at once").isTrue();
    TaskRecord resumed = c.task("low/0");
    assertThat(resumed.status()).isEqualTo(TaskState.RUNNING);
    assertThat(resumed.attempt()).isZero();
    assertThat(resumed.message()).isEqualTo("resumed: node n1 has its cpu again");
    c.assertNoNodeOvercommitted();
  }

  @Test
  void in_suspend_mode_a_task_that_has_not_started_is_killed_and_queued_again() {
    SchedulerLoop server = suspending();
    c.node("n1", 2, at(0));
    c.submit("low", at(0), task("low/0", 2).priority(10).run(TaskRun.shell("sleep 600")));
    server.runOnce(at(1)); // placed, never reported started
    c.submit("high", at(3), task("high/0", 2).priority(90).run(TaskRun.shell("sleep 1")));
    assertThat(server.runOnce(at(4)).applied().preempted()).containsExactly("low/0");
    assertThat(c.task("low/0").status()).isEqualTo(TaskState.PENDING);
    assertThat(c.task("low/0").attempt()).isEqualTo(1);
  }

  @Test
  void a_new_leader_listens_for_the_whole_timeout_before_it_marks_a_node_down() {
    c.node("n1", 2, at(0));
    long started = 100; // the first round long after the node's last heartbeat: a server restarted
    RoundResult first = c.serverA.runOnce(at(started));
    assertThat(first.swept().nodesDown()).isEmpty();
    RoundResult withinGrace = c.serverA.runOnce(at(started + SchedulingFixture.SILENCE.toSeconds() - 1));
    assertThat(withinGrace.swept().nodesDown()).isEmpty();
    assertThat(c.a.nodes().find("n1").orElseThrow().state()).isNotEqualTo(NodeState.DOWN);
    RoundResult after = c.serverA.runOnce(at(started + SchedulingFixture.SILENCE.toSeconds() + 1));
    assertThat(after.swept().nodesDown()).containsExactly("n1");
  }

  @Test
  void after_rounds_failed_because_the_database_was_away_the_leader_listens_for_a_whole_timeout_again() {
    AwayLeases leases = new AwayLeases(c.a.leases());
    SchedulerLoop server = new SchedulerLoop(c.a, new SchedulerLease(leases, "server-a", SchedulingFixture.LEASE),
        new CorePlanner(SchedulerConfig.defaults()), new NodeLiveness(c.a, SchedulingFixture.SILENCE, 2),
        SchedulerLoop.DEFAULT_MAX_ATTEMPTS);
    long silence = SchedulingFixture.SILENCE.toSeconds();
    c.node("n1", 2, at(0));
    for (long t = 1; t <= silence; t++) {
      c.a.nodes().heartbeat("n1", at(t));
      assertThat(server.runOnce(at(t)).leader()).isTrue();
    }
    leases.away = true; // the database goes away: heartbeats are refused, rounds fail
    assertThatThrownBy(() -> server.runOnce(at(silence + 1))).isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> server.runOnce(at(silence + 20))).isInstanceOf(StoreUnavailableException.class);
    leases.away = false;
    long back = silence + 30; // n1 has been silent for 30 s, but only because nobody could hear it
    RoundResult first = server.runOnce(at(back));
    assertThat(first.leader()).isTrue();
    assertThat(first.swept().nodesDown()).isEmpty();
    assertThat(server.runOnce(at(back + silence - 1)).swept().nodesDown()).as("within the new grace").isEmpty();
    assertThat(c.a.nodes().find("n1").orElseThrow().state()).isNotEqualTo(NodeState.DOWN);
    assertThat(server.runOnce(at(back + silence + 1)).swept().nodesDown()).as("still silent after a whole timeout")
        .containsExactly("n1");
  }

  /** The real lease store, or a database that is away ({@link StoreUnavailableException}) while {@link #away}. */
  private static final class AwayLeases implements LeaseStore {
    private final LeaseStore real;
    boolean away;

    AwayLeases(LeaseStore real) {
      this.real = real;
    }

    @Override
    public Optional<LeaseGrant> acquire(String name, String holder, Duration ttl, Instant now) {
      check();
      return real.acquire(name, holder, ttl, now);
    }

    @Override
    public boolean holds(String name, String holder, long epoch, Instant now) {
      check();
      return real.holds(name, holder, epoch, now);
    }

    @Override
    public void release(String name, String holder) {
      check();
      real.release(name, holder);
    }

    private void check() {
      if (away) {
        throw new StoreUnavailableException("database unavailable: connection refused", null);
      }
    }
  }

  @Test
  void a_silent_node_goes_down_and_its_tasks_run_elsewhere_with_their_attempt_counted() {
    c.node("n1", 2, at(0));
    c.submit("j1", at(0), task("j1/0", 2));
    c.serverA.runOnce(at(1));
    new TaskReports(c.a).started("j1/0", at(2));
    c.node("n2", 2, at(5));
    c.a.nodes().heartbeat("n2", at(20));
    RoundResult r = c.serverA.runOnce(at(20));
    assertThat(r.swept().nodesDown()).containsExactly("n1");
    assertThat(r.swept().requeued()).containsExactly("j1/0");
    assertThat(r.applied().placed()).containsExactly("j1/0@n2");
    TaskRecord moved = c.task("j1/0");
    assertThat(moved.attempt()).isEqualTo(1);
    assertThat(moved.status()).isEqualTo(TaskState.PLACED);
    assertThat(c.a.nodes().find("n1").orElseThrow().state()).isEqualTo(NodeState.DOWN);
  }

  @Test
  void a_task_lost_more_often_than_allowed_fails_instead_of_running_again() {
    c.submit("j1", at(0), task("j1/0", 1));
    List<String> failed = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      long t = round * 100L;
      c.node("n" + round, 2, at(t));
      c.serverA.runOnce(at(t + 1));
      failed.addAll(c.serverA.runOnce(at(t + 50)).swept().failed());
    }
    TaskRecord task = c.task("j1/0");
    assertThat(task.status()).isEqualTo(TaskState.FAILED);
    assertThat(task.attempt()).isEqualTo(2);
    assertThat(task.message()).contains("lost 3 times, not queued again");
    assertThat(failed).containsExactly("j1/0");
  }

  @Test
  void drained_and_cordoned_nodes_get_no_new_tasks() {
    c.node("n1", 4, at(0));
    c.node("n2", 4, at(0));
    c.a.nodes().setState("n1", NodeState.DRAINING, at(0));
    c.a.nodes().setState("n2", NodeState.CORDONED, at(0));
    c.submit("j1", at(0), task("j1/0", 1));
    assertThat(c.serverA.runOnce(at(1)).applied().placed()).isEmpty();
    c.a.nodes().setState("n2", NodeState.UP, at(2));
    assertThat(c.serverA.runOnce(at(3)).applied().placed()).containsExactly("j1/0@n2");
  }

  @Test
  void a_dag_task_waits_until_what_it_depends_on_has_succeeded() {
    c.node("n1", 4, at(0));
    c.submit("dag", at(0), task("dag/a", 1), task("dag/b", 1).dependsOn(List.of("dag/a")));
    assertThat(c.serverA.runOnce(at(1)).applied().placed()).containsExactly("dag/a@n1");
    TaskReports reports = new TaskReports(c.a);
    reports.started("dag/a", at(2));
    assertThat(c.serverA.runOnce(at(3)).applied().placed()).isEmpty();
    reports.finished("dag/a", 0, "ok", at(4));
    assertThat(c.serverA.runOnce(at(5)).applied().placed()).containsExactly("dag/b@n1");
  }

  @Test
  void dag_tasks_after_a_failed_task_are_cancelled_with_the_reason_and_the_others_run() {
    c.node("n1", 4, at(0));
    c.submit("dag", at(0), task("dag/c", 1).dependsOn(List.of("dag/b")), task("dag/a", 1),
        task("dag/b", 1).dependsOn(List.of("dag/a")), task("dag/d", 1), task("dag/e", 1).dependsOn(List.of("dag/d")));
    assertThat(c.serverA.runOnce(at(1)).applied().placed()).containsExactlyInAnyOrder("dag/a@n1", "dag/d@n1");
    TaskReports reports = new TaskReports(c.a);
    reports.started("dag/a", at(2));
    reports.finished("dag/a", 3, "boom", at(3));
    reports.started("dag/d", at(2));
    TaskExplainer.Answer before = new TaskExplainer(c.a, new CorePlanner(SchedulerConfig.defaults()))
        .explain(c.a.tasks().find("dag/c").orElseThrow(), at(4));
    assertThat(before.summary()).isEqualTo(
        "never runs: it depends on dag/b, which never runs either; the next scheduler round cancels it");
    c.serverA.runOnce(at(4));
    TaskRecord b = c.a.tasks().find("dag/b").orElseThrow();
    TaskRecord cc = c.a.tasks().find("dag/c").orElseThrow();
    assertThat(b.status()).isEqualTo(TaskState.CANCELLED);
    assertThat(b.message()).isEqualTo("never runs: it depends on dag/a, which ended FAILED");
    assertThat(cc.status()).isEqualTo(TaskState.CANCELLED);
    assertThat(cc.message()).isEqualTo("never runs: it depends on dag/b, which never runs either");
    assertThat(c.a.tasks().find("dag/e").orElseThrow().status()).as("its dependency is still running").isEqualTo(TaskState.PENDING);
    reports.finished("dag/d", 0, "ok", at(5));
    assertThat(c.serverA.runOnce(at(6)).applied().placed()).containsExactly("dag/e@n1");
  }

  @Test
  void a_delayed_job_waits_until_its_time_while_later_jobs_run() {
    c.node("n1", 4, at(0));
    assertThat(c.serverA.runOnce(at(0)).applied().placed()).isEmpty(); // followed from here on: the next read is of changes
    JobSubmission jobs = new JobSubmission(c.a);
    jobs.submit("later", "later", JobSubmission.array("later", task("x", 1).build(), 2), at(1), at(10));
    jobs.submit("now", "now", List.of(task("now", 1).build()), at(2));
    assertThat(c.serverA.runOnce(at(3)).applied().placed()).containsExactly("now@n1");
    TaskExplainer.Answer waiting = new TaskExplainer(c.a, new CorePlanner(SchedulerConfig.defaults()))
        .explain(c.a.tasks().find("later/0").orElseThrow(), at(4));
    assertThat(waiting.summary()).isEqualTo("not due yet: its job runs not before " + at(10)
        + "; the first scheduler round after that looks at it");
    assertThat(QueueUsage.read(c.a, at(4)).queues()).extracting(l -> l.path() + " waits " + l.pending() + ", delayed "
        + l.delayed()).containsExactly("root waits 0, delayed 2", "root.default waits 0, delayed 2");
    assertThat(c.serverA.runOnce(at(9)).applied().placed()).isEmpty();
    assertThat(QueueUsage.read(c.a, at(10)).queues().get(0).pending()).as("due at 10: waiting, no longer delayed")
        .isEqualTo(2);
    assertThat(c.serverA.runOnce(at(10)).applied().placed()).containsExactlyInAnyOrder("later/0@n1", "later/1@n1");
    assertThat(c.a.jobs().find("later").orElseThrow().notBefore()).isEqualTo(at(10));
  }

  @Test
  void a_round_runs_when_a_delayed_job_becomes_due_rather_than_a_whole_interval_later() {
    c.node("n1", 4, at(0));
    assertThat(c.serverA.runOnce(at(0)).applied().placed()).isEmpty();
    Instant due = at(1).plusMillis(300);
    new JobSubmission(c.a).submit("later", "later", List.of(task("later/0", 1).build()), at(0), due);
    JumpingClock clock = new JumpingClock(at(1).toEpochMilli());
    List<Long> roundsAt = new ArrayList<>();
    List<RuntimeException> errors = new ArrayList<>();
    c.serverA.runUntil(clock, Duration.ofSeconds(1), () -> roundsAt.size() == 2, errors::add,
        round -> roundsAt.add(clock.nowMillis()));
    assertThat(errors).isEmpty();
    assertThat(roundsAt).as("the second round at the due time, not at " + at(2))
        .containsExactly(at(1).toEpochMilli(), due.toEpochMilli());
    assertThat(c.task("later/0").status()).isEqualTo(TaskState.PLACED);
    assertThat(c.task("later/0").placedAt()).isEqualTo(due);
  }

  @Test
  void a_new_queue_tree_caps_the_next_round_and_the_usage_shows_used_and_pending_per_queue() {
    c.node("n1", 8, at(0));
    QueueTrees trees = new QueueTrees(c.a);
    assertThat(trees.current().children()).extracting(q -> q.name()).containsExactly("default");
    trees.apply("""
        name: root
        children:
          - name: batch
            max: "25%"
          - name: default
        """, "queues.yaml", 0, at(0));
    JobSubmission jobs = new JobSubmission(c.a);
    jobs.submit("wide", "wide", JobSubmission.array("wide", task("x", 1).queue("root.batch").build(), 4), at(0));
    jobs.submit("one", "one", List.of(task("one/0", 1).build()), at(0));
    assertThat(c.serverA.runOnce(at(1)).applied().placed()).hasSize(3);
    QueueUsage.Report report = QueueUsage.read(c.a, at(1));
    assertThat(report.queues()).extracting(l -> l.path() + " holds " + l.holding() + " (" + l.used().cpuMillis()
        + "m) waits " + l.pending()).containsExactly(
        "root holds 3 (3000m) waits 2", "root.batch holds 2 (2000m) waits 2", "root.default holds 1 (1000m) waits 0");
    assertThat(report.unknownQueues()).isEmpty();
    assertThatThrownBy(() -> trees.apply("name: root\nchildren: [{name: Bad}]", "queues.yaml", 1, at(2)))
        .isInstanceOf(dev.weft.model.codec.SpecException.class).hasMessageContaining("queues.yaml:2");
    assertThatThrownBy(() -> trees.apply("name: root", "queues.yaml", 0, at(2)))
        .isInstanceOf(StaleVersionException.class);
  }

  @Test
  void estimates_are_learned_from_the_runs_of_the_same_name() {
    c.node("n1", 8, at(0));
    c.submit("etl", at(0), task("etl/0", 1), task("etl/1", 1), task("etl/2", 1));
    c.serverA.runOnce(at(1));
    TaskReports reports = new TaskReports(c.a);
    long[] seconds = {10, 20, 600};
    for (int i = 0; i < 3; i++) {
      reports.started("etl/" + i, at(2));
      reports.finished("etl/" + i, 0, "ok", at(2 + seconds[i]));
    }
    c.a.jobs().submit(new dev.weft.store.NewJob("etl-2", "etl", dev.weft.store.JobKind.ARRAY, List.of(
        SpecJson.newTask(task("etl-2/0", 1).build(), "etl"),
        SpecJson.newTask(task("etl-2/1", 1).estimateMillis(5_000).build(), "etl"),
        SpecJson.newTask(task("other/0", 1).build(), "other"))), at(700));
    Snapshot s = new SnapshotReader(c.a).read(at(700));
    assertThat(s.pending()).extracting(p -> p.id() + "=" + p.spec().estimateMillis())
        .containsExactly("etl-2/0=20000", "etl-2/1=5000", "other/0=0");
  }
}
