package dev.weft.agent.protocol;

import dev.weft.agent.logs.LogAck;
import dev.weft.agent.logs.LogPiece;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Several servers of one cluster behind one {@link AgentProtocol}: each call goes to the current
 * server; a call that fails ({@link ProtocolException}: unreachable, refused, 5xx) is thrown as is
 * and moves the next call to the next server in turn (after the last, the first again), so the
 * agent loop's retry ({@link Reconnecting}) reaches another server. The servers share one
 * database, so the node, its tasks and the reports carry over; nothing is kept per server here.
 */
public final class FailoverProtocol implements AgentProtocol {
  private final List<AgentProtocol> servers;
  private final AtomicInteger current = new AtomicInteger();

  /** @param servers in the order to try them; at least one */
  public FailoverProtocol(List<AgentProtocol> servers) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("at least one server is needed");
    }
    this.servers = List.copyOf(servers);
  }

  /** The index (in the constructor's list) of the server the next call goes to. */
  public int current() {
    return current.get();
  }

  @Override
  public Joined join(NodeInfo node) {
    return call(s -> s.join(node));
  }

  @Override
  public boolean heartbeat(Heartbeat beat) {
    return call(s -> s.heartbeat(beat));
  }

  @Override
  public List<Assignment> poll(String nodeId, int maxStarts, Duration wait) {
    return call(s -> s.poll(nodeId, maxStarts, wait));
  }

  @Override
  public List<Assignment> poll(String nodeId, int maxStarts, Duration wait, Set<String> running,
                               Set<String> suspended) {
    return call(s -> s.poll(nodeId, maxStarts, wait, running, suspended));
  }

  @Override
  public void report(String nodeId, List<StatusChange> batch) {
    call(s -> {
      s.report(nodeId, batch);
      return null;
    });
  }

  @Override
  public List<LogAck> shipLogs(String nodeId, List<LogPiece> pieces) {
    return call(s -> s.shipLogs(nodeId, pieces));
  }

  private <T> T call(Function<AgentProtocol, T> f) {
    int at = current.get();
    try {
      return f.apply(servers.get(at));
    } catch (ProtocolException e) {
      current.compareAndSet(at, (at + 1) % servers.size());
      throw e;
    }
  }
}
