package dev.weft.agent.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The node secret the server's join answered: carried by every later call (so the server knows the
 * call comes from the agent holding the node), and presented at the next join, so that a restarted
 * agent takes its node back at once instead of waiting for the node timeout. One per agent, shared
 * by the transports of every server it talks to; kept in a file when given one (the agent's state
 * directory, readable by its owner only), so it outlives the process.
 */
public final class NodeSecret {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final System.Logger LOG = System.getLogger(NodeSecret.class.getName());
  private final Path file;
  private String node;
  private String secret;

  private NodeSecret(Path file, String node, String secret) {
    this.file = file;
    this.node = node;
    this.secret = secret;
  }

  /** Kept in memory only: a new process joins as a stranger (tests, the benchmark's in-process agents). */
  public static NodeSecret inMemory() {
    return new NodeSecret(null, null, null);
  }

  /**
   * Kept in {@code file}: read from it now when it exists (a file that cannot be read is taken as
   * none, and said), written there by {@link #keep}.
   */
  public static NodeSecret keptIn(Path file) {
    if (!Files.exists(file)) {
      return new NodeSecret(file, null, null);
    }
    try {
      JsonNode kept = JSON.readTree(file.toFile());
      return new NodeSecret(file, kept.path("node").asText(null), kept.path("secret").asText(null));
    } catch (IOException e) {
      String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      LOG.log(System.Logger.Level.WARNING, "cannot read the node secret in " + file + " (" + why + "); joining without it");
      return new NodeSecret(file, null, null);
    }
  }

  /** The secret to present when joining as {@code name}: the one kept, if it was given for that name. */
  public synchronized Optional<String> forNode(String name) {
    return name.equals(node) ? Optional.ofNullable(secret) : Optional.empty();
  }

  /** The secret of the current session, or null before the first join. */
  public synchronized String current() {
    return secret;
  }

  /**
   * Keeps the secret a join as {@code name} answered. A file that cannot be written is said and the
   * secret kept in memory: this process goes on, and its next incarnation waits out the node timeout.
   */
  public synchronized void keep(String name, String given) {
    if (given.equals(secret) && name.equals(node)) {
      return;
    }
    node = name;
    secret = given;
    if (file != null) {
      write(name, given);
    }
  }

  private void write(String name, String given) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(tmp);
      try {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
        Files.createFile(tmp);
      }
      Files.writeString(tmp, JSON.createObjectNode().put("node", name).put("secret", given).toString());
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot keep the node secret in " + file + " (" + e.getMessage()
          + "); an agent restarted here waits for the node timeout before it gets node " + name + " back");
    }
  }
}
