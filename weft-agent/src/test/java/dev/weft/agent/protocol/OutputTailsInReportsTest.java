package dev.weft.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.agent.enforce.Enforcement;
import dev.weft.agent.enforce.EnforcementKind;
import dev.weft.agent.exec.TaskCommand;
import dev.weft.agent.exec.TaskStatus;
import dev.weft.model.Resources;
import dev.weft.model.TopologyPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The report of a task's end carries the tails of its output; a report's tails stay within budget. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OutputTailsInReportsTest {
  final InMemoryProtocol server = new InMemoryProtocol();
  final FakeRunner runner = new FakeRunner();
  final NodeInfo node = new NodeInfo("host-1", Resources.of(4000, 8192), Map.of(), TopologyPath.parse("eu/a/r"),
      new Enforcement(EnforcementKind.NONE, false, false, false, "", List.of()));

  private AgentLoop loop(OutputTails tails) {
    return new AgentLoop(server, runner, node, new LoopSettings(4, 4, Duration.ofSeconds(20), Duration.ofSeconds(5), 100),
        new SettableClock(), tails);
  }

  @Test
  void only_the_end_of_a_task_carries_its_output_tails() {
    AgentLoop loop = loop(id -> new OutputTails.Tails("out of " + id + "\n", "err of " + id));
    server.queued.add(new Assignment.Start(TaskCommand.shell("a", "true")));
    loop.tick();
    runner.end("a", TaskStatus.SUCCEEDED, 0);
    loop.tick();
    List<StatusChange> changes = server.reported();
    assertThat(changes).extracting(StatusChange::state).containsExactly(TaskState.RUNNING, TaskState.SUCCEEDED);
    assertThat(changes.get(0).stdoutTail()).isNull();
    assertThat(changes.get(1).stdoutTail()).isEqualTo("out of a\n");
    assertThat(changes.get(1).stderrTail()).isEqualTo("err of a");
  }

  @Test
  void big_tails_go_in_separate_reports_so_none_outgrows_the_servers_limit() {
    String big = "x".repeat(300 * 1024);
    AgentLoop loop = loop(id -> new OutputTails.Tails(big, null));
    for (String id : List.of("a", "b", "c")) {
      server.queued.add(new Assignment.Start(TaskCommand.shell(id, "true")));
    }
    loop.tick();
    for (String id : List.of("a", "b", "c")) {
      runner.end(id, TaskStatus.SUCCEEDED, 0);
    }
    loop.tick();
    assertThat(server.reports).allSatisfy(batch -> assertThat(batch.stream()
        .mapToInt(c -> c.stdoutTail() == null ? 0 : c.stdoutTail().length()).sum())
        .isLessThanOrEqualTo(Math.max(AgentLoop.REPORT_TAIL_BUDGET, big.length())));
    assertThat(server.reported()).filteredOn(c -> c.state() == TaskState.SUCCEEDED).hasSize(3);
  }
}
