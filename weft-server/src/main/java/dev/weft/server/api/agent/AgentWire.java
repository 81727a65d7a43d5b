package dev.weft.server.api.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The bodies of the agent protocol ({@code /api/v1/agent}); see docs/cluster.md for their meaning. */
final class AgentWire {
  private AgentWire() {}

  /** What a machine offers: cpu in millicores, memory and disk in MiB, whole gpus. */
  record Capacity(Long cpuMillis, Long memoryMiB, Long diskMiB, Long gpus) {}

  /** {@code secret}: the node secret an earlier join of this agent answered, if it kept one. */
  record JoinRequest(String name, String topology, Capacity capacity, Map<String, String> labels, String enforcement,
                     String secret) {}

  /** {@code nodeSecret}: to be carried in the {@code Weft-Node-Secret} header of every later call. */
  record JoinReply(String nodeId, String topology, long heartbeatMillis, long nodeTimeoutMillis, String nodeSecret) {}

  record HeartbeatRequest(String nodeId, List<String> running, List<String> suspended) {}

  record HeartbeatReply(boolean known) {}

  /** {@code running}, {@code suspended}: as in a heartbeat, so that orders about them come with the poll. */
  record PollRequest(String nodeId, Integer maxStarts, Integer waitMillis, List<String> running, List<String> suspended) {}

  /**
   * One assignment: {@code start} (argv or builtin, env, cpu, memory, timeout, stdin) or {@code kill}
   * (reason): stop a run that is no longer this node's.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Assignment(String type, String taskId, List<String> argv, String builtin, Map<String, String> env,
                    long cpuMillis, long memoryMiB, long timeoutMillis, String reason, String stdin) {}

  record PollReply(List<Assignment> assignments) {}

  /**
   * One status change; {@code taskId} is the run id the assignment gave. A task's end may carry the
   * tails of its stdout and stderr (the result a workflow gets, the reason it failed).
   */
  record Change(String taskId, String state, Integer exitCode, String detail, String at, String stdoutTail,
                String stderrTail) {}

  record ReportRequest(String nodeId, List<Change> changes) {}

  record Ignored(String taskId, String reason) {}

  record ReportReply(int accepted, List<Ignored> ignored) {}
}
