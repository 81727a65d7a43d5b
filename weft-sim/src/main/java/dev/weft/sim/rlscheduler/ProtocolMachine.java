package dev.weft.sim.rlscheduler;

/**
 * The machine of the protocol: {@code nodes} nodes of {@code processorsPerNode} processors
 * (SWF {@code MaxNodes} and {@code MaxProcs / MaxNodes}). Jobs take whole nodes.
 */
public record ProtocolMachine(int nodes, double processorsPerNode) {
  public ProtocolMachine {
    if (nodes < 1 || !(processorsPerNode > 0)) {
      throw new IllegalArgumentException("a machine needs nodes and processors, got " + nodes + " x " + processorsPerNode);
    }
  }

  /** The nodes a job of {@code processors} processors takes: {@code ceil(processors / processorsPerNode)}. */
  public int nodesFor(int processors) {
    return (int) Math.ceil(processors / processorsPerNode);
  }

  /** All processors of the machine ({@code MaxProcs}). */
  public long processors() {
    return Math.round(nodes * processorsPerNode);
  }
}
