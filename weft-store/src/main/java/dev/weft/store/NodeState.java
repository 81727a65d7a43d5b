package dev.weft.store;

/**
 * A node's administrative and liveness state. Only {@code UP} nodes take new tasks; a draining or
 * cordoned node keeps what runs there; a down node stopped heartbeating and its tasks were lost.
 */
public enum NodeState {
  UP, DRAINING, CORDONED, DOWN;

  public boolean schedulable() {
    return this == UP;
  }
}
