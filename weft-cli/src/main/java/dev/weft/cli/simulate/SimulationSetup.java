package dev.weft.cli.simulate;

import dev.weft.cli.UsageException;
import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.sim.cluster.ClusterSpec;
import dev.weft.sim.queues.QueueTreeOfWorkload;
import dev.weft.sim.workload.Workload;
import dev.weft.sim.workload.WorkloadFormat;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Everything one simulation needs, resolved from the options: the jobs, the cluster, the queue tree, the core's configuration. */
record SimulationSetup(Workload workload, ClusterSpec cluster, QueueSpec queues, PolicyName policy,
                       SchedulerChoice choice) {
  /** The machine of the pyss scenarios. */
  static final String PYSS_CLUSTER = "cpus=100";

  static SimulationSetup of(Path file, WorkloadFormat format, String cluster, PolicyName policy, SchedulerChoice choice) {
    WorkloadFormat f = format != null ? format : WorkloadFormat.fromFileName(file).orElseThrow(() -> new UsageException(
        "cannot tell the format of " + file + " from its name; give --format swf, csv or pyss"));
    Workload workload = f.read(file);
    ClusterSpec spec = ClusterSpec.parse(cluster != null ? cluster : defaultCluster(workload));
    TreeSet<String> paths = workload.jobs().stream().map(j -> j.spec().queue()).collect(Collectors.toCollection(TreeSet::new));
    QueueSpec queues;
    try {
      queues = QueueTreeOfWorkload.build(paths, policy);
    } catch (IllegalArgumentException e) {
      throw new UsageException(file + ": " + e.getMessage());
    }
    return new SimulationSetup(workload, spec, queues, policy, choice);
  }

  SchedulerConfig config() {
    return choice.config();
  }

  private static String defaultCluster(Workload w) {
    return switch (w.format()) {
      case SWF -> {
        if (w.declaredCpus() <= 0) {
          throw new UsageException(w.source() + " declares neither MaxProcs nor MaxNodes; give --cluster, e.g. --cluster cpus=128");
        }
        yield "cpus=" + w.declaredCpus();
      }
      case PYSS -> PYSS_CLUSTER;
      case CSV -> throw new UsageException("a CSV workload needs --cluster, e.g. --cluster cpus=4 or --cluster nodes=4,cpus=16");
    };
  }
}
