package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Everything the decider knows of an instance. Immutable; a decision returns a new one.
 *
 * @param issued command id to the time it was first issued (timers fire relative to it)
 * @param outcomes command id to what came back
 * @param result the output when completed, the error when faulted, else null
 * @param reruns a step run's first command id to how many times it was retried from the failed
 *     step; the run's command id then ends in {@code /rerun/n}, so it is a new command
 * @param received listen step run id to the events it consumed, in order of arrival
 * @param failedCommand the command whose failure faulted the instance, or null (not faulted,
 *     or faulted by a pure step such as {@code raise})
 */
public record InstanceState(String instanceId, Status status, JsonNode input, JsonNode secrets, long startedAtMillis,
    Map<String, Long> issued, Map<String, Outcome> outcomes, JsonNode result, Map<String, Integer> reruns,
    Map<String, List<Received>> received, String failedCommand) {
  public enum Status { PENDING, RUNNING, SUSPENDED, COMPLETED, FAULTED, CANCELLED }

  /** A CloudEvent a listen step consumed; {@code until} when it was consumed by the listen's {@code until} strategy. */
  public record Received(long seq, JsonNode event, boolean until) {}

  public InstanceState {
    issued = Map.copyOf(issued);
    outcomes = Map.copyOf(outcomes);
    reruns = Map.copyOf(reruns);
    received = Map.copyOf(received);
  }

  /** An instance that has not started. */
  public static InstanceState initial(String instanceId) {
    return new InstanceState(instanceId, Status.PENDING, null, null, 0, Map.of(), Map.of(), null, Map.of(), Map.of(), null);
  }

  /**
   * The same state with these secrets. Secrets are not persisted: a runtime re-supplies them to
   * each decision from its secret provider.
   */
  public InstanceState withSecrets(JsonNode value) {
    return new InstanceState(instanceId, status, input, value, startedAtMillis, issued, outcomes, result, reruns, received,
        failedCommand);
  }

  /** Completed, faulted or cancelled: only a retry (of a faulted instance) changes it again. */
  public boolean isFinished() {
    return status == Status.COMPLETED || status == Status.FAULTED || status == Status.CANCELLED;
  }

  /** The sequence number the next recorded outcome or event gets (1, 2, ...). */
  long nextSeq() {
    return outcomes.size() + received.values().stream().mapToLong(List::size).sum() + 1;
  }

  InstanceState withStatus(Status s, JsonNode newResult, String newFailedCommand) {
    return new InstanceState(instanceId, s, input, secrets, startedAtMillis, issued, outcomes, newResult, reruns, received,
        newFailedCommand);
  }

  InstanceState withOutcomes(Map<String, Outcome> newOutcomes) {
    return new InstanceState(instanceId, status, input, secrets, startedAtMillis, issued, newOutcomes, result, reruns, received,
        failedCommand);
  }

  InstanceState withIssued(Map<String, Long> newIssued) {
    return new InstanceState(instanceId, status, input, secrets, startedAtMillis, newIssued, outcomes, result, reruns, received,
        failedCommand);
  }

  InstanceState withReruns(Map<String, Integer> newReruns) {
    return new InstanceState(instanceId, status, input, secrets, startedAtMillis, issued, outcomes, result, newReruns, received,
        failedCommand);
  }

  InstanceState withReceived(Map<String, List<Received>> newReceived) {
    return new InstanceState(instanceId, status, input, secrets, startedAtMillis, issued, outcomes, result, reruns, newReceived,
        failedCommand);
  }

  /**
   * The id under which the command that {@code commandId} names (any of its runs) is issued now: its
   * first id, or that id plus {@code /rerun/n} after n retries from the failed step.
   */
  public String currentIdOf(String commandId) {
    String first = Replay.firstId(commandId);
    Integer n = reruns.get(first);
    return n == null ? first : first + Replay.RERUN + n;
  }
}
