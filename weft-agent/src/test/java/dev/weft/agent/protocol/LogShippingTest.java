package dev.weft.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.agent.enforce.Enforcement;
import dev.weft.agent.enforce.EnforcementKind;
import dev.weft.agent.exec.TaskCommand;
import dev.weft.agent.exec.TaskStatus;
import dev.weft.agent.logs.LogPacker;
import dev.weft.agent.logs.LogPiece;
import dev.weft.agent.logs.LogStream;
import dev.weft.agent.logs.ShipLimits;
import dev.weft.agent.logs.TaskLogs;
import dev.weft.model.Resources;
import dev.weft.model.TopologyPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shipping task output through the protocol: while tasks run, before their end is reported, across lost answers and restarts. */
class LogShippingTest {
  @TempDir
  Path tmp;
  final InMemoryProtocol server = new InMemoryProtocol();
  final FakeRunner runner = new FakeRunner();
  final SettableClock clock = new SettableClock();
  final List<String> said = new ArrayList<>();
  TaskLogs logs;
  LogShipping shipping;
  AgentLoop loop;

  @BeforeEach
  void setUp() {
    logs = new TaskLogs(tmp);
    shipping = new LogShipping(server, new LogPacker(logs, new ShipLimits(8, 16, 1000)), said::add);
    NodeInfo node = new NodeInfo("host-1", Resources.of(4000, 8192), Map.of(), TopologyPath.parse("eu/a/r1"),
        new Enforcement(EnforcementKind.NONE, false, false, false, "", List.of()));
    loop = new AgentLoop(server, runner, node, new LoopSettings(4, 4, Duration.ZERO, Duration.ofSeconds(5), 10), clock,
        shipping);
  }

  void write(String run, LogStream stream, String text) throws IOException {
    Files.writeString(logs.file(run, stream), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  @Test
  void new_output_of_running_tasks_reaches_the_server_in_rounds() throws IOException {
    write("r~0", LogStream.STDOUT, "line 1\nline 2\n");
    shipping.shipRunning("n", Set.of("r~0"));
    assertThat(server.log("r~0", LogStream.STDOUT)).isEqualTo("line 1\nline 2\n");
    assertThat(server.shipments).as("8-byte pieces, shipped one after another in one round").hasSize(2);
    write("r~0", LogStream.STDERR, "warn\n");
    shipping.shipRunning("n", Set.of("r~0"));
    assertThat(server.log("r~0", LogStream.STDOUT)).isEqualTo("line 1\nline 2\n");
    assertThat(server.log("r~0", LogStream.STDERR)).isEqualTo("warn\n");
    assertThat(server.logEnded("r~0", LogStream.STDOUT)).isFalse();
  }

  @Test
  void a_task_end_is_reported_only_after_all_of_its_output_is_on_the_server() throws IOException {
    server.queued.add(new Assignment.Start(TaskCommand.shell("r~0", "true")));
    loop.tick();
    write("r~0", LogStream.STDOUT, "x".repeat(50));
    write("r~0", LogStream.STDERR, "bad\n");
    runner.end("r~0", TaskStatus.FAILED, 1);
    loop.tick();
    assertThat(server.reported()).extracting(c -> c.state().name()).containsExactly("RUNNING", "FAILED");
    assertThat(server.log("r~0", LogStream.STDOUT)).isEqualTo("x".repeat(50));
    assertThat(server.log("r~0", LogStream.STDERR)).isEqualTo("bad\n");
    assertThat(server.logEnded("r~0", LogStream.STDOUT)).isTrue();
    assertThat(server.logEnded("r~0", LogStream.STDERR)).isTrue();
    int shipments = server.shipments.size();
    shipping.flush("n", List.of("r~0"));
    assertThat(server.shipments).as("a run flushed once is not shipped again").hasSize(shipments);
  }

  @Test
  void a_server_that_is_down_gets_neither_the_logs_nor_the_end_until_it_is_back() throws IOException {
    server.queued.add(new Assignment.Start(TaskCommand.shell("r~0", "true")));
    loop.tick();
    write("r~0", LogStream.STDOUT, "done\n");
    runner.end("r~0", TaskStatus.SUCCEEDED, 0);
    server.down = true;
    assertThatThrownBy(loop::tick).isInstanceOf(ProtocolException.class);
    assertThat(loop.pending()).extracting(c -> c.state().name()).containsExactly("SUCCEEDED");
    server.down = false;
    loop.tick();
    assertThat(server.reported()).extracting(c -> c.state().name()).containsExactly("RUNNING", "SUCCEEDED");
    assertThat(server.log("r~0", LogStream.STDOUT)).isEqualTo("done\n");
  }

  @Test
  void a_lost_answer_or_an_agent_restart_stores_no_byte_twice() throws IOException {
    write("r~0", LogStream.STDOUT, "abcdefgh");
    server.loseLogReplies = true;
    assertThatThrownBy(() -> shipping.shipRunning("n", Set.of("r~0"))).isInstanceOf(ProtocolException.class);
    server.loseLogReplies = false;
    shipping.shipRunning("n", Set.of("r~0")); // the same bytes again: the server keeps them once
    write("r~0", LogStream.STDOUT, "ijkl");
    LogShipping restarted = new LogShipping(server, new LogPacker(logs, new ShipLimits(8, 16, 1000)), said::add);
    restarted.flush("n", List.of("r~0")); // a new agent starts from offset 0; the server's answer moves it on
    assertThat(server.log("r~0", LogStream.STDOUT)).isEqualTo("abcdefghijkl");
    assertThat(server.shipments.stream().flatMap(List::stream).map(LogPiece::offset))
        .contains(0L, 0L);
  }

  @Test
  void a_stream_past_the_server_limit_ends_without_its_tail() throws IOException {
    server.logLimit = 10;
    write("r~0", LogStream.STDOUT, "0123456789abcdefghij");
    shipping.flush("n", List.of("r~0"));
    assertThat(server.log("r~0", LogStream.STDOUT)).isEqualTo("0123456789");
    assertThat(server.logEnded("r~0", LogStream.STDOUT)).isTrue();
  }

  @Test
  void a_refusing_server_leaves_the_logs_on_the_machine_and_the_end_is_reported() throws IOException {
    server.refuseLogs = true;
    write("r~0", LogStream.STDOUT, "kept here\n");
    server.queued.add(new Assignment.Start(TaskCommand.shell("r~0", "true")));
    loop.tick();
    runner.end("r~0", TaskStatus.SUCCEEDED, 0);
    loop.tick();
    assertThat(said).singleElement().asString().contains("refused the logs of [r~0]");
    assertThat(server.reported()).extracting(c -> c.state().name()).containsExactly("RUNNING", "SUCCEEDED");
  }
}
