package dev.weft.cli.simulate;

import dev.weft.cli.UsageException;
import dev.weft.cli.WeftCommand;
import dev.weft.model.Node;
import dev.weft.model.TaskSpec;
import dev.weft.sim.cluster.ClusterSpec;
import dev.weft.sim.gpu.GpuExperiment;
import dev.weft.sim.gpu.GpuPolicy;
import dev.weft.sim.gpu.GpuReplayResult;
import dev.weft.sim.workload.SimJob;
import dev.weft.sim.workload.Workload;
import dev.weft.sim.workload.WorkloadFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code weft simulate} on an openb GPU pod list: the GPU placement replay of each chosen policy
 * (pods never leave; allocation ratio against arrived demand), printed as a table or as JSON.
 */
final class GpuReplayCommand {
  private GpuReplayCommand() {}

  /** True when the workload is an openb pod list, given by {@code --format} or by its file name. */
  static boolean appliesTo(Path workload, WorkloadFormat format) {
    return (format != null ? format : WorkloadFormat.fromFileName(workload).orElse(null)) == WorkloadFormat.OPENB;
  }

  static int run(Path workload, String cluster, GpuReplayRequest request, boolean json, PrintWriter out,
                 ReportOption report) {
    if (cluster == null) {
      throw new UsageException("an openb pod list needs --cluster, an openb node list such as"
          + " ../shared/data/alibaba-openb-gpu-2023/openb_node_list_gpu_node.csv");
    }
    Workload pods = WorkloadFormat.OPENB.read(workload);
    List<Node> nodes = ClusterSpec.parse(cluster).nodes();
    if (nodes.stream().allMatch(n -> n.capacity().gpus() == 0)) {
      throw new UsageException("--cluster " + cluster + ": no node has a GPU, so there is no GPU allocation to measure");
    }
    List<TaskSpec> tasks = pods.jobs().stream().map(SimJob::spec).toList();
    GpuExperiment experiment = new GpuExperiment(nodes, tasks, request.seedList(), GpuExperiment.FGD_INFLATION);
    List<GpuReplayResult> results = new ArrayList<>();
    for (GpuPolicy policy : request.policies()) {
      results.add(experiment.run(policy));
    }
    GpuReplaySetting setting = new GpuReplaySetting(pods.source(), tasks.size(), nodes, experiment);
    out.print(json ? GpuReplayJson.render(setting, results) : GpuReplayText.render(setting, results));
    out.flush();
    report.write(() -> GpuReplayReport.of(pods.source(), tasks.size(), nodes.size(), results));
    return WeftCommand.OK;
  }
}
