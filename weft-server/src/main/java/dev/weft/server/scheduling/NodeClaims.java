package dev.weft.server.scheduling;

import dev.weft.store.Database;
import dev.weft.store.NodeRecord;
import dev.weft.store.NodeState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which agent speaks for a node, as a Nomad client holds its node's secret id: a join answers a
 * node secret, and every later call of the agent protocol must carry it. So one agent cannot poll,
 * report or heartbeat for another's node, and a second agent started under a name already in use
 * is refused instead of acting as the same node. Only the secret's SHA-256 digest is stored.
 *
 * <p>The rule ({@link #decide}): a join that presents the secret the node's holder was given keeps
 * it (an agent restarting with its state directory); a node no agent holds is given a new secret;
 * so is a node whose holder has been silent for the node timeout or that is down (a machine
 * replaced); any other join is refused, the node staying with its holder.
 */
public final class NodeClaims {
  /** What a join gets. */
  public enum Decision { KEEP, ISSUE, REFUSE }

  /** A join's result: what {@code register} returned, and the secret to carry from now on. */
  public record Claimed<T>(T value, String secret) {}

  private static final System.Logger LOG = System.getLogger(NodeClaims.class.getName());
  private final Database db;
  private final InstantSource clock;
  private final Duration nodeTimeout;
  private final Supplier<String> newSecret;
  /** The digests this server has seen each node's calls carry, so a call is checked without a read. */
  private final Map<String, String> held = new ConcurrentHashMap<>();

  /** @param newSecret makes a fresh secret (tests pass a predictable one) */
  public NodeClaims(Database db, InstantSource clock, Duration nodeTimeout, Supplier<String> newSecret) {
    this.db = db;
    this.clock = clock;
    this.nodeTimeout = nodeTimeout;
    this.newSecret = newSecret;
  }

  /** With 32 bytes from a {@link SecureRandom} per secret. */
  public static NodeClaims random(Database db, InstantSource clock, Duration nodeTimeout) {
    SecureRandom random = new SecureRandom();
    return new NodeClaims(db, clock, nodeTimeout, () -> {
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    });
  }

  /**
   * The rule, without the store.
   *
   * @param node the node as stored, or null when unknown
   * @param stored the digest of its holder's secret, or null when no agent holds it
   * @param presented the digest of the secret the joining agent presents, or null
   */
  public static Decision decide(NodeRecord node, String stored, String presented, Instant now, Duration nodeTimeout) {
    if (node == null || stored == null) {
      return Decision.ISSUE;
    }
    if (presented != null && MessageDigest.isEqual(bytes(stored), bytes(presented))) {
      return Decision.KEEP;
    }
    return node.state() == NodeState.DOWN || silence(node, now).compareTo(nodeTimeout) >= 0
        ? Decision.ISSUE : Decision.REFUSE;
  }

  /**
   * A join as {@code name} presenting {@code presented} (null: none). {@code register} registers
   * or updates the node; it runs unless the join is refused.
   *
   * @throws NodeHeldException when another agent holds the node
   */
  public <T> Claimed<T> join(String name, String presented, Supplier<T> register) {
    Instant now = clock.instant();
    NodeRecord node = db.nodes().find(name).orElse(null);
    String stored = node == null ? null : db.nodes().secretDigest(name).orElse(null);
    String presentedDigest = presented == null || presented.isEmpty() ? null : digest(presented);
    switch (decide(node, stored, presentedDigest, now, nodeTimeout)) {
      case KEEP -> {
        held.put(name, stored);
        return new Claimed<>(register.get(), presented);
      }
      case REFUSE -> throw new NodeHeldException("node " + name + " is held by another agent, heard from "
          + silence(node, now).toSeconds() + " s ago: an agent takes over a node only after the node has been silent"
          + " for " + nodeTimeout.toSeconds() + " s (the node timeout). Give this agent another name (--name), or stop"
          + " the other one");
      case ISSUE -> {
        String secret = newSecret.get();
        String digest = digest(secret);
        T value;
        if (node == null) { // the row must exist before it can be claimed
          value = register.get();
          claimOrRefuse(name, null, digest);
        } else {
          claimOrRefuse(name, stored, digest);
          value = register.get();
          if (stored != null) {
            LOG.log(System.Logger.Level.WARNING, "node " + name + " taken over by a newly joined agent: its holder was "
                + (node.state() == NodeState.DOWN ? "down" : "silent for " + silence(node, now).toSeconds() + " s"));
          }
        }
        held.put(name, digest);
        return new Claimed<>(value, secret);
      }
      default -> throw new IllegalStateException();
    }
  }

  private void claimOrRefuse(String name, String expected, String digest) {
    if (!db.nodes().claim(name, expected, digest)) {
      throw new NodeHeldException("node " + name + " was claimed by another agent that joined at the same time;"
          + " give this agent another name (--name)");
    }
  }

  /**
   * Checks that a call for {@code nodeId} carries its holder's secret. Nothing to check for an
   * unknown node (the call answers that, and the agent joins).
   *
   * @throws NodeNotHeldException when the call carries no secret or another one
   */
  public void check(String nodeId, String presented) {
    String digest = presented == null || presented.isEmpty() ? null : digest(presented);
    String known = held.get(nodeId);
    if (digest != null && known != null && MessageDigest.isEqual(bytes(known), bytes(digest))) {
      return;
    }
    Optional<String> stored = db.nodes().secretDigest(nodeId); // another server may have seen a join since
    if (stored.isEmpty() && db.nodes().find(nodeId).isEmpty()) {
      return;
    }
    stored.ifPresent(d -> held.put(nodeId, d));
    if (digest != null && stored.isPresent() && MessageDigest.isEqual(bytes(stored.get()), bytes(digest))) {
      return;
    }
    throw new NodeNotHeldException(digest == null
        ? "node " + nodeId + ": the call carries no node secret (header " + SECRET_HEADER + "); join first"
        : stored.isEmpty() ? "node " + nodeId + " has no holder yet (it joined without a node secret); join again"
        : "node " + nodeId + " is held by another agent (it was taken over, or another agent joined under this name);"
            + " join again");
  }

  /** The header carrying the node secret on every agent call but the join. */
  public static final String SECRET_HEADER = "Weft-Node-Secret";

  private static Duration silence(NodeRecord node, Instant now) {
    Duration d = Duration.between(node.lastHeartbeat(), now);
    return d.isNegative() ? Duration.ZERO : d;
  }

  static String digest(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(secret)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A join refused: another agent holds the node (HTTP 409). */
  public static final class NodeHeldException extends RuntimeException {
    public NodeHeldException(String message) {
      super(message);
    }
  }

  /** A call that does not carry the node's secret (HTTP 403). */
  public static final class NodeNotHeldException extends RuntimeException {
    public NodeNotHeldException(String message) {
      super(message);
    }
  }
}
