package dev.weft.agent.protocol;

import java.time.Instant;
import java.util.Set;

/**
 * The agent is alive, and runs these tasks (so the server can tell a lost task from a running one).
 *
 * @param nodeId the node
 * @param at the agent's clock when sent
 * @param running the ids of the tasks that have not ended
 */
public record Heartbeat(String nodeId, Instant at, Set<String> running) {
  public Heartbeat {
    running = Set.copyOf(running);
  }
}
