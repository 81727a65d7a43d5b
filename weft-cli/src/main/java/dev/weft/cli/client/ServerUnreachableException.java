package dev.weft.cli.client;

/**
 * The server could not be reached (refused connection, timeout) or failed on its side (5xx, e.g.
 * while it shuts down or its database restarts): a follower may try again.
 */
public final class ServerUnreachableException extends ServerRefusedException {
  public ServerUnreachableException(String message) {
    super(message);
  }
}
