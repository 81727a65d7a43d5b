package dev.weft.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The nodes of the cluster: registration, heartbeats, drain/cordon, and the plan's optimistic check. */
public interface NodeStore {
  /**
   * Registers a node, or updates its capacity, labels, taints and topology when it is known; counts
   * as a heartbeat. A new node is {@code UP}; a {@code DOWN} node comes back {@code UP}; a draining
   * or cordoned one stays so. Bumps the version.
   */
  NodeRecord register(NewNode node, Instant now);

  Optional<NodeRecord> find(String id);

  /**
   * The digest of the secret held by the agent that joined as this node last (see
   * {@link #claim}); empty for an unknown node and for one no agent has claimed.
   */
  Optional<String> secretDigest(String id);

  /**
   * Gives the node to a new holder: sets its secret digest to {@code newDigest} where it is still
   * {@code expectedDigest} (null: none yet). Two agents claiming one node at once: one wins.
   *
   * @return false when the node is unknown or its digest is no longer {@code expectedDigest}
   */
  boolean claim(String id, String expectedDigest, String newDigest);

  /** Every node, by id. */
  List<NodeRecord> list();

  /**
   * Records a heartbeat. A {@code DOWN} node that heartbeats is {@code UP} again (version bumped).
   *
   * @return false for an unknown node (its agent should register)
   */
  boolean heartbeat(String id, Instant now);

  /**
   * Sets the state by hand (drain, cordon, uncordon); bumps the version.
   *
   * @throws NotFoundException for an unknown node
   */
  NodeRecord setState(String id, NodeState state, Instant now);

  /**
   * Marks a node {@code DOWN} if its last heartbeat is before {@code silentSince} and it is not
   * down already; a heartbeat that arrived meanwhile wins. Bumps the version.
   *
   * @return whether this call marked it down
   */
  boolean markDownIfSilent(String id, Instant silentSince);

  /**
   * The optimistic check of a plan: the node is still {@code UP} at {@code expectedVersion}; bumps
   * the version so that a concurrent plan read at the same version fails. Call inside the plan's
   * transaction.
   *
   * @return the new version
   * @throws StaleVersionException when the node changed, went away or is no longer up
   */
  long assign(String id, long expectedVersion);
}
