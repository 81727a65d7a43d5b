package dev.weft.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.agent.logs.LogAck;
import dev.weft.agent.logs.LogPiece;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FailoverProtocolTest {
  static final Heartbeat BEAT = new Heartbeat("n1", Instant.EPOCH, Set.of());
  final List<String> calls = new ArrayList<>();
  final Server a = new Server("a");
  final Server b = new Server("b");
  final FailoverProtocol servers = new FailoverProtocol(List.of(a, b));

  @Test
  void calls_go_to_the_first_server_while_it_answers() {
    servers.heartbeat(BEAT);
    servers.poll("n1", 4, Duration.ZERO);
    servers.report("n1", List.of());
    assertThat(calls).containsExactly("a heartbeat", "a poll", "a report");
  }

  @Test
  void a_failed_call_is_thrown_and_the_next_call_goes_to_the_next_server() {
    a.down = true;
    assertThatThrownBy(() -> servers.poll("n1", 4, Duration.ZERO)).isInstanceOf(ProtocolException.class)
        .hasMessage("poll: cannot reach a");
    assertThat(servers.current()).isEqualTo(1);
    servers.poll("n1", 4, Duration.ZERO);
    servers.report("n1", List.of());
    assertThat(calls).containsExactly("a poll", "b poll", "b report");
  }

  @Test
  void after_the_last_server_fails_the_first_is_tried_again() {
    a.down = true;
    b.down = true;
    assertThatThrownBy(() -> servers.heartbeat(BEAT)).isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> servers.heartbeat(BEAT)).isInstanceOf(ProtocolException.class);
    a.down = false;
    assertThat(servers.heartbeat(BEAT)).isTrue();
    assertThat(calls).containsExactly("a heartbeat", "b heartbeat", "a heartbeat");
  }

  @Test
  void with_one_server_a_failure_keeps_it() {
    a.down = true;
    FailoverProtocol one = new FailoverProtocol(List.of(a));
    assertThatThrownBy(() -> one.report("n1", List.of())).isInstanceOf(ProtocolException.class);
    a.down = false;
    one.report("n1", List.of());
    assertThat(calls).containsExactly("a report", "a report");
    assertThatThrownBy(() -> new FailoverProtocol(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  /** A server that records each call and fails every call while {@code down}. */
  final class Server implements AgentProtocol {
    final String name;
    boolean down;

    Server(String name) {
      this.name = name;
    }

    private void called(String call) {
      calls.add(name + " " + call);
      if (down) {
        throw new ProtocolException(call + ": cannot reach " + name);
      }
    }

    @Override
    public Joined join(NodeInfo node) {
      called("join");
      return new Joined(node.name(), "");
    }

    @Override
    public boolean heartbeat(Heartbeat beat) {
      called("heartbeat");
      return true;
    }

    @Override
    public List<Assignment> poll(String nodeId, int maxStarts, Duration wait) {
      called("poll");
      return List.of();
    }

    @Override
    public void report(String nodeId, List<StatusChange> batch) {
      called("report");
    }

    @Override
    public List<LogAck> shipLogs(String nodeId, List<LogPiece> pieces) {
      called("logs");
      return List.of();
    }
  }
}
