package dev.weft.agent.protocol;

import java.time.Instant;
import java.util.Set;

/**
 * The agent is alive, and runs these tasks (so the server can tell a lost task from a running one).
 *
 * @param nodeId the node
 * @param at the agent's clock when sent
 * @param running the ids of the tasks that have not ended
 * @param suspended those of them held suspended here
 */
public record Heartbeat(String nodeId, Instant at, Set<String> running, Set<String> suspended) {
  public Heartbeat {
    running = Set.copyOf(running);
    suspended = Set.copyOf(suspended);
  }

  /** A heartbeat with no task suspended. */
  public Heartbeat(String nodeId, Instant at, Set<String> running) {
    this(nodeId, at, running, Set.of());
  }
}
