package dev.weft.sim.cluster;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.codec.SpecCodec;
import dev.weft.model.codec.SpecException;
import dev.weft.sim.workload.OpenbNodeReader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The nodes a simulation runs on, and the spec text they came from.
 *
 * <p>Accepted specs (keys in any order, separated by commas):
 * <ul>
 *   <li>{@code cpus=N}: one node of N CPUs (fractions allowed), memory effectively unlimited;</li>
 *   <li>{@code nodes=N,cpus=C[,memory=4Gi][,gpus=G]}: N identical nodes {@code n1..nN};</li>
 *   <li>{@code zones=Z,racks=R,nodes=N,cpus=C[,memory=M][,gpus=G]}: Z zones of R racks of N nodes,
 *       node {@code zK-rJ-nI} at topology path {@code r1/zK/rJ};</li>
 *   <li>the path of a YAML or JSON cluster file ({@code nodes: [...]} and/or {@code generate: {...}},
 *       read by {@link SpecCodec#readCluster(Path)});</li>
 *   <li>the path of an openb node list ({@code *.csv}: {@code sn,cpu_milli,memory_mib,gpu,model},
 *       read by {@link OpenbNodeReader}).</li>
 * </ul>
 * Memory is in MiB unless suffixed {@code Mi}, {@code Gi} or {@code Ti}.
 */
public record ClusterSpec(String text, List<Node> nodes) {
  /** Memory of a node whose spec gives none: 1 EiB, more than any workload asks for. */
  public static final long UNLIMITED_MEMORY_MIB = 1L << 40;

  public ClusterSpec {
    nodes = List.copyOf(nodes);
  }

  /**
   * Parses a spec.
   *
   * @throws ClusterSpecException naming the offending key when the spec is impossible or malformed
   * @throws SpecException when a cluster file has problems (every one of them, located)
   * @throws dev.weft.sim.workload.WorkloadException when an openb node list has a bad line
   */
  public static ClusterSpec parse(String text) {
    Path file = existingFile(text);
    if (file != null && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
      return new ClusterSpec(text, new OpenbNodeReader().read(file));
    }
    if (file != null) {
      List<Node> nodes = SpecCodec.readCluster(file);
      if (nodes.isEmpty()) {
        throw new ClusterSpecException("cluster file " + file + " describes no node");
      }
      return new ClusterSpec(text, nodes);
    }
    return new ClusterSpecParser(text).parse();
  }

  private static Path existingFile(String text) {
    try {
      Path file = text == null || text.isBlank() ? null : Path.of(text.strip());
      return file != null && Files.isRegularFile(file) ? file : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The capacity of all nodes together. */
  public Resources totalCapacity() {
    return nodes.stream().map(Node::capacity).reduce(Resources.ZERO, Resources::plus);
  }

  /** A short description for reports, e.g. {@code "4 nodes, 64 CPUs"}. */
  public String describe() {
    double cpus = totalCapacity().cpuMillis() / 1000.0;
    String cpuText = cpus == Math.rint(cpus) ? Long.toString((long) cpus) : Double.toString(cpus);
    return nodes.size() + (nodes.size() == 1 ? " node, " : " nodes, ") + cpuText + " CPUs";
  }
}
