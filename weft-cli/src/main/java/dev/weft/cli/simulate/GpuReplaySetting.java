package dev.weft.cli.simulate;

import dev.weft.model.Node;
import dev.weft.sim.gpu.GpuExperiment;
import java.util.List;

/** What a GPU replay ran on, for its reports. */
record GpuReplaySetting(String workload, int pods, List<Node> nodes, GpuExperiment experiment) {
  long gpus() {
    return nodes.stream().mapToLong(n -> n.capacity().gpus()).sum();
  }

  String cluster() {
    return nodes.size() + " nodes, " + gpus() + " GPUs";
  }

  String arrival() {
    return experiment.seeds().isEmpty() ? "trace" : "fgd";
  }
}
