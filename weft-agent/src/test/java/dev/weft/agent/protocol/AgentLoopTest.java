package dev.weft.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.agent.enforce.Enforcement;
import dev.weft.agent.enforce.EnforcementKind;
import dev.weft.agent.exec.TaskCommand;
import dev.weft.agent.exec.TaskStatus;
import dev.weft.model.Resources;
import dev.weft.model.TopologyPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentLoopTest {
  final InMemoryProtocol server = new InMemoryProtocol();
  final FakeRunner runner = new FakeRunner();
  final SettableClock clock = new SettableClock();
  final NodeInfo node = new NodeInfo("host-1", Resources.of(4000, 8192), Map.of("ssd", "true"),
      TopologyPath.parse("eu/zone-a/rack-1"),
      new Enforcement(EnforcementKind.RLIMIT, true, false, false, "", List.of()));
  final AgentLoop loop = new AgentLoop(server, runner, node,
      new LoopSettings(3, 2, Duration.ofSeconds(20), Duration.ofSeconds(5), 2), clock);

  static Assignment start(String id) {
    return new Assignment.Start(TaskCommand.shell(id, "true"));
  }

  @Test
  void the_agent_joins_once_with_its_machine_and_topology() {
    loop.tick();
    loop.tick();
    assertThat(server.joins).containsExactly(node);
    assertThat(server.joins.get(0).topology().rack()).isEqualTo("rack-1");
  }

  @Test
  void a_heartbeat_says_the_node_and_the_tasks_running_at_the_injected_time() {
    loop.heartbeat();
    assertThat(server.heartbeats).isEmpty(); // not joined yet: joining is the first sign of life
    server.queued.addAll(List.of(start("a"), start("b")));
    loop.tick();
    clock.advance(Duration.ofSeconds(5));
    loop.heartbeat();
    assertThat(server.heartbeats).singleElement().satisfies(h -> {
      assertThat(h.nodeId()).isEqualTo("node-1");
      assertThat(h.at()).isEqualTo(clock.instant());
      assertThat(h.running()).containsExactlyInAnyOrder("a", "b");
    });
  }

  @Test
  void a_round_sends_no_heartbeat_of_its_own() {
    loop.tick();
    clock.advance(Duration.ofMinutes(1));
    loop.tick();
    assertThat(server.heartbeats).isEmpty();
  }

  @Test
  void starts_are_asked_for_free_slots_only_in_batches_of_poll_batch() {
    server.queued.addAll(List.of(start("a"), start("b"), start("c"), start("d")));
    loop.tick(); // 3 slots, batch 2: a, b
    loop.tick(); // 1 slot left: c
    loop.tick(); // full: nothing
    assertThat(server.pollMaxStarts).containsExactly(2, 1, 0);
    assertThat(runner.running()).containsExactlyInAnyOrder("a", "b", "c");
    runner.end("a", TaskStatus.SUCCEEDED, 0);
    loop.tick();
    assertThat(runner.running()).containsExactlyInAnyOrder("b", "c", "d");
  }

  @Test
  void status_changes_are_reported_in_batches_in_the_order_they_happened() {
    server.queued.addAll(List.of(start("a"), start("b")));
    loop.tick();
    runner.end("b", TaskStatus.FAILED, 3);
    runner.end("a", TaskStatus.SUCCEEDED, 0);
    loop.tick();
    assertThat(server.reported()).extracting(c -> c.taskId() + " " + c.state())
        .containsExactly("a RUNNING", "b RUNNING", "b FAILED", "a SUCCEEDED");
    assertThat(server.reports).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(2));
    assertThat(server.reported().get(2).exitCode()).isEqualTo(3);
  }

  @Test
  void changes_survive_a_server_that_is_down_and_are_sent_once_it_is_back() {
    server.queued.add(start("a"));
    loop.tick();
    server.down = true;
    runner.end("a", TaskStatus.SUCCEEDED, 0);
    assertThatThrownBy(loop::tick).isInstanceOf(ProtocolException.class).hasMessageContaining("report");
    assertThat(loop.pending()).extracting(StatusChange::state).containsExactly(TaskState.SUCCEEDED);
    server.down = false;
    loop.tick();
    assertThat(loop.pending()).isEmpty();
    assertThat(server.reported()).extracting(StatusChange::state).containsExactly(TaskState.RUNNING, TaskState.SUCCEEDED);
  }

  @Test
  void kill_suspend_and_resume_reach_the_runner_even_when_no_slot_is_free() {
    server.queued.addAll(List.of(start("a"), start("b")));
    loop.tick();
    server.queued.addAll(List.of(new Assignment.Suspend("a"), new Assignment.Resume("a"),
        new Assignment.Kill("b", "preempted by p-9")));
    loop.tick();
    assertThat(runner.calls).containsSubsequence("suspend a", "resume a", "kill b (preempted by p-9)");
    assertThat(server.reported()).extracting(c -> c.taskId() + " " + c.state())
        .contains("a SUSPENDED", "a RESUMED");
  }

  @Test
  void a_repeated_start_of_a_running_task_is_ignored() {
    server.queued.add(start("a"));
    loop.tick();
    server.queued.add(start("a"));
    loop.tick();
    assertThat(runner.calls).containsExactly("start a");
  }

  @Test
  void a_task_that_cannot_start_is_reported_rejected_with_the_reason() {
    runner.refuse = "bad";
    server.queued.add(start("bad"));
    loop.tick();
    StatusChange c = server.reported().get(0);
    assertThat(c.state()).isEqualTo(TaskState.REJECTED);
    assertThat(c.detail()).contains("/gone");
  }

  @Test
  void an_agent_the_server_has_forgotten_joins_again() {
    loop.tick();
    server.knowsNode = false;
    loop.heartbeat();
    assertThat(server.joins).hasSize(2);
    assertThat(loop.session().nodeId()).isEqualTo("node-2");
  }
}
