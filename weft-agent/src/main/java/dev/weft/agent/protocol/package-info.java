/**
 * The agent's side of the agent protocol: the {@link dev.weft.agent.protocol.AgentProtocol} port
 * (join, heartbeat, long-poll for assignments, report status changes in batches) and the
 * {@link dev.weft.agent.protocol.AgentLoop} that drives a task runner from it. The HTTP adapter of
 * the port comes with the server's agent endpoints; tests use an in-memory protocol.
 */
package dev.weft.agent.protocol;
