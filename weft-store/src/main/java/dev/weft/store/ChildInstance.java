package dev.weft.store;

import java.time.Instant;

/**
 * A child instance a workflow command started ({@code run: workflow}, or a call of a service
 * with a {@code workflow} behaviour).
 *
 * @param commandId the outbox entry that started it (the key: one child per entry)
 * @param decisionId the decider's command id, which the child's outcome must carry back
 * @param depth how deep the child is nested (1: its parent is not a child)
 * @param deliveredAt when the child's outcome reached the parent; null until then
 * @param serviceKey the service version ({@code name@version}) whose workflow behaviour the child
 *     carries out, its output checked against that contract; null for a {@code run: workflow} step
 * @param heldWithParent whether the child is suspended because its parent was (resuming the parent resumes it)
 */
public record ChildInstance(String commandId, String decisionId, String parentId, String childId, int depth,
                            Instant startedAt, Instant deliveredAt, String serviceKey, boolean heldWithParent) {
  /** A link as it is first written: not delivered, not held. */
  public static ChildInstance started(String commandId, String decisionId, String parentId, String childId, int depth,
      Instant startedAt, String serviceKey) {
    return new ChildInstance(commandId, decisionId, parentId, childId, depth, startedAt, null, serviceKey, false);
  }
}
