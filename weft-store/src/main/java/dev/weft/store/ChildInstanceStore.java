package dev.weft.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which child instance each {@code run: workflow} command started, and whether its outcome reached
 * the parent. The command id is the key, so a command carried out twice (after a crash) links one
 * child, and an outcome is delivered once however often delivery is tried. Calls join the caller's
 * transaction.
 */
public interface ChildInstanceStore {
  /** Links the command to its child; false (and nothing written) when the command is linked already. */
  boolean link(ChildInstance link);

  Optional<ChildInstance> find(String commandId);

  /** The link of instance {@code childId}, when it is a child. */
  Optional<ChildInstance> ofChild(String childId);

  /** How deep {@code instanceId} is nested: 0 for an instance no command started. */
  int depthOf(String instanceId);

  /** Undelivered links whose child has ended (completed, failed or cancelled), oldest first, at most {@code limit}. */
  List<ChildInstance> ended(int limit);

  /**
   * Undelivered links whose parent has ended while the child has not, oldest first, at most
   * {@code limit}: children to cancel.
   */
  List<ChildInstance> orphaned(int limit);

  /** Marks the outcome delivered; false when it already was (the caller then writes nothing). */
  boolean markDelivered(String commandId, Instant now);

  /**
   * Marks whether the child is suspended because its parent was ({@link ChildInstance#heldWithParent});
   * false when there is no such link.
   */
  boolean holdWithParent(String commandId, boolean held);

  /**
   * Moves the link of {@code commandId} to the entry {@code newCommandId} (decider command
   * {@code newDecisionId}) and marks it undelivered: the parent waits for the same child's outcome
   * under its new command. False when there is no such link.
   */
  boolean relink(String commandId, String newCommandId, String newDecisionId);

  /** Every link of one parent, delivered or not, in start order. */
  List<ChildInstance> ofParent(String parentId);
}
