package dev.weft.sim.cluster;

/** A cluster spec that describes no possible cluster; the message is one line naming the key. */
public class ClusterSpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClusterSpecException(String message) {
    super(message);
  }
}
