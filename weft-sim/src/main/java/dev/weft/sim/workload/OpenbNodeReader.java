package dev.weft.sim.workload;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an openb node list ({@code sn,cpu_milli,memory_mib,gpu,model}): one node a row, id
 * {@code sn}, capacity {@code cpu_milli} millicores, {@code memory_mib} MiB and {@code gpu} whole
 * GPUs, and the label {@value #GPU_MODEL} = {@code model} when the row names one. Node ids must be
 * unique; every error names the file and line.
 */
public final class OpenbNodeReader {
  /** The node label holding the GPU model ({@code P100}, {@code V100M32}, {@code G2}...). */
  public static final String GPU_MODEL = "gpu-model";
  private static final List<String> REQUIRED = List.of("sn", "cpu_milli", "memory_mib", "gpu");

  public List<Node> read(Path file) {
    List<Node> nodes = new ArrayList<>();
    Map<String, Integer> lineOf = new HashMap<>();
    OpenbTable.forEachRow(file, REQUIRED, (row, number) -> {
      String id = row.text("sn");
      if (id.isEmpty()) {
        throw row.error("sn", "is empty");
      }
      Integer first = lineOf.putIfAbsent(id, number);
      if (first != null) {
        throw row.error("sn", "duplicate node '" + id + "' (first on line " + first + ")");
      }
      String model = row.text("model");
      Resources capacity = new Resources(row.count("cpu_milli"), row.count("memory_mib"), 0, row.count("gpu"), Map.of());
      nodes.add(new Node(id, capacity, model.isEmpty() ? Map.of() : Map.of(GPU_MODEL, model), List.of(), null));
    });
    if (nodes.isEmpty()) {
      throw new WorkloadException(file + ": no node (an openb node list has a header row and one node a row)");
    }
    return nodes;
  }
}
