package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A call of a service with a {@code worker} behaviour, waiting for (or leased to) an external
 * worker that polls the call's queue.
 *
 * @param id the outbox entry that made the call (the key: one call per entry)
 * @param decisionId the decider's command id, which the call's result must carry
 * @param serviceKey the service version called, {@code name@version}
 * @param input the call's input as stored: a workflow's secret values masked (revealed when leased)
 * @param attempt how many times the call was leased (0 until the first lease)
 * @param worker who holds the lease, or who held the last one of an ended call; null while waiting
 * @param leaseUntil when the lease runs out; null unless leased
 * @param availableAt when a waiting call may be leased (a retry's delay puts it in the future)
 * @param endedAt when it ended; null until then
 * @param deadlineAt when the whole call must have completed (the service's {@code timeout}), leases and
 *     retries included; null: no limit
 */
public record WorkerCall(String id, String decisionId, String instanceId, String queue, String serviceKey, JsonNode input,
                         WorkerCallStatus status, int attempt, String worker, Instant leaseUntil, Instant availableAt,
                         Instant createdAt, Instant endedAt, Instant deadlineAt) {
  /** A call as it is first written: waiting, available at once, never leased, with no limit on its time. */
  public static WorkerCall waiting(String id, String decisionId, String instanceId, String queue, String serviceKey,
      JsonNode input, Instant now) {
    return waiting(id, decisionId, instanceId, queue, serviceKey, input, now, null);
  }

  /** As above, to complete by {@code deadlineAt} (null: no limit). */
  public static WorkerCall waiting(String id, String decisionId, String instanceId, String queue, String serviceKey,
      JsonNode input, Instant now, Instant deadlineAt) {
    return new WorkerCall(id, decisionId, instanceId, queue, serviceKey, input, WorkerCallStatus.WAITING, 0, null, null,
        now, now, null, deadlineAt);
  }
}
