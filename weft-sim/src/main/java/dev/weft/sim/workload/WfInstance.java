package dev.weft.sim.workload;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.sim.cluster.ClusterSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A WfFormat instance: its tasks as a {@link Workload}, and what the file recorded about the
 * original execution.
 *
 * @param name the instance's {@code name}
 * @param schemaVersion as written in the file
 * @param machines the machines it ran on, in file order (may be empty)
 * @param recordedMakespanSeconds the makespan of the original execution, when recorded
 */
public record WfInstance(Workload workload, String name, String schemaVersion, List<WfMachine> machines,
                         OptionalDouble recordedMakespanSeconds) {
  private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

  public WfInstance {
    machines = List.copyOf(machines);
  }

  /**
   * The recorded machines as a cluster, one node per machine named after it, with its core count
   * and (when recorded) its memory; empty when the file lists no machine or one without a core count.
   */
  public Optional<ClusterSpec> recordedCluster() {
    if (machines.isEmpty() || machines.stream().anyMatch(m -> m.cores() <= 0)) {
      return Optional.empty();
    }
    List<Node> nodes = machines.stream().map(m -> Node.of(m.name(), new Resources(Math.round(m.cores() * 1000),
        m.memoryBytes() > 0 ? mebibytes(m.memoryBytes()) : ClusterSpec.UNLIMITED_MEMORY_MIB, 0, 0, Map.of())))
        .toList();
    return Optional.of(new ClusterSpec("recorded machines", nodes));
  }

  /** Bytes to MiB, rounded up so that a task's memory never comes out smaller than it was. */
  static long mebibytes(double bytes) {
    return (long) Math.ceil(bytes / BYTES_PER_MIB);
  }
}
