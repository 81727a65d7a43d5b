package dev.weft.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.agent.enforce.Enforcement;
import dev.weft.agent.enforce.EnforcementKind;
import dev.weft.agent.exec.TaskCommand;
import dev.weft.agent.exec.TaskOutcome;
import dev.weft.agent.exec.TaskStatus;
import dev.weft.model.Resources;
import dev.weft.model.TopologyPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReconnectingTest {
  final InMemoryProtocol server = new InMemoryProtocol();
  final FakeRunner runner = new FakeRunner();
  final SettableClock clock = new SettableClock();
  final AgentLoop loop = new AgentLoop(server, runner, new NodeInfo("host-1", Resources.of(1000, 1024), Map.of(),
      TopologyPath.DEFAULT, new Enforcement(EnforcementKind.NONE, false, false, false, "", List.of())),
      new LoopSettings(4, 4, Duration.ofSeconds(1), Duration.ofSeconds(5), 10), clock);
  final List<Duration> slept = new ArrayList<>();
  final List<String> said = new ArrayList<>();

  @Test
  void backoff_doubles_up_to_its_maximum_and_starts_over_after_a_success() {
    Backoff b = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(1));
    assertThat(List.of(b.next(), b.next(), b.next(), b.next())).containsExactly(Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1));
    b.reset();
    assertThat(b.next()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void a_server_that_is_down_is_retried_with_backoff_and_nothing_reported_is_lost() {
    server.queued.add(new Assignment.Start(TaskCommand.shell("t1", "true")));
    loop.tick(); // joined, t1 started and reported RUNNING
    runner.end("t1", TaskStatus.SUCCEEDED, 0);
    server.down = true;
    int[] rounds = {0};
    new Reconnecting(loop, new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)), d -> {
      slept.add(d);
      if (slept.size() == 4) {
        server.down = false; // the server is back after four failed rounds
      }
    }, said::add).runUntil(() -> rounds[0]++ > 5);
    assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
        Duration.ofMillis(400));
    assertThat(said).hasSize(2);
    assertThat(said.get(0)).contains("connection refused (test server is down)", "1 change(s) kept");
    assertThat(said.get(1)).startsWith("server reachable again");
    assertThat(server.reported()).extracting(StatusChange::taskId, StatusChange::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("t1", TaskState.RUNNING),
            org.assertj.core.groups.Tuple.tuple("t1", TaskState.SUCCEEDED));
  }

  @Test
  void an_adopted_task_and_one_that_ended_while_no_agent_watched_are_reported() {
    CompletableFuture<TaskOutcome> adopted = new CompletableFuture<>();
    loop.adopt("left-running", adopted);
    loop.endedWhileAway(new TaskOutcome("ended-away", TaskStatus.FAILED, 3, "exited 3"));
    adopted.complete(new TaskOutcome("left-running", TaskStatus.SUCCEEDED, 0, "exited 0"));
    loop.tick();
    assertThat(server.reported()).extracting(StatusChange::taskId, StatusChange::state, StatusChange::exitCode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ended-away", TaskState.FAILED, 3),
            org.assertj.core.groups.Tuple.tuple("left-running", TaskState.SUCCEEDED, 0));
  }
}
