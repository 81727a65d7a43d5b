package dev.weft.agent.protocol;

import dev.weft.agent.logs.LogAck;
import dev.weft.agent.logs.LogPiece;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The agent's view of the server (the port; the HTTP adapter talks to {@code /api/v1/agent}).
 * Every method may throw {@link ProtocolException} when the server cannot be reached or refuses;
 * the loop retries on its next round, so implementations need not retry themselves.
 */
public interface AgentProtocol {
  /** Registers this machine; the join token is the transport's business. Not idempotent: each call opens a session. */
  Joined join(NodeInfo node);

  /** Says the node is alive; false when the server no longer knows the node (the agent then joins again). */
  boolean heartbeat(Heartbeat beat);

  /**
   * Waits up to {@code wait} for assignments and returns at most {@code maxStarts} {@link Assignment.Start}s
   * plus any number of control assignments (kill, suspend, resume). May return an empty list.
   */
  List<Assignment> poll(String nodeId, int maxStarts, Duration wait);

  /**
   * As above, telling the server the runs going on now and those of them held suspended, so that
   * a kill, suspend or resume about one of them answers the poll at once instead of waiting for the
   * next heartbeat. Transports that cannot say so poll as above.
   */
  default List<Assignment> poll(String nodeId, int maxStarts, Duration wait, Set<String> running,
                                Set<String> suspended) {
    return poll(nodeId, maxStarts, wait);
  }

  /**
   * Delivers a batch of status changes, in the order they happened. Idempotent for the server: a
   * batch whose delivery failed is sent again, whole.
   */
  void report(String nodeId, List<StatusChange> batch);

  /**
   * Ships pieces of task output; answers, for each piece in order, where the server now is on that
   * stream. Idempotent by offset: a piece sent again is stored once.
   *
   * @throws LogsRefusedException when the server refuses the shipment for good (a 4xx answer)
   */
  List<LogAck> shipLogs(String nodeId, List<LogPiece> pieces);
}
