package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Everything the decider knows of an instance. Immutable; a decision returns a new one.
 *
 * @param issued command id to the time it was first issued (timers fire relative to it)
 * @param outcomes command id to what came back
 * @param result the output when completed, the error when faulted, else null
 */
public record InstanceState(String instanceId, Status status, JsonNode input, JsonNode secrets, long startedAtMillis,
    Map<String, Long> issued, Map<String, Outcome> outcomes, JsonNode result) {
  public enum Status { PENDING, RUNNING, COMPLETED, FAULTED, CANCELLED }

  public InstanceState {
    issued = Map.copyOf(issued);
    outcomes = Map.copyOf(outcomes);
  }

  /** An instance that has not started. */
  public static InstanceState initial(String instanceId) {
    return new InstanceState(instanceId, Status.PENDING, null, null, 0, Map.of(), Map.of(), null);
  }

  /**
   * The same state with these secrets. Secrets are not persisted: a runtime re-supplies them to
   * each decision from its secret provider.
   */
  public InstanceState withSecrets(JsonNode value) {
    return new InstanceState(instanceId, status, input, value, startedAtMillis, issued, outcomes, result);
  }

  public boolean isFinished() {
    return status == Status.COMPLETED || status == Status.FAULTED || status == Status.CANCELLED;
  }
}
