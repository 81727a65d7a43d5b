package dev.weft.cli.simulate;

import dev.weft.cli.UsageException;
import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.model.codec.SpecCodec;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.sim.cluster.ClusterSpec;
import dev.weft.sim.queues.QueueLeaves;
import dev.weft.sim.queues.QueueTreeOfWorkload;
import dev.weft.sim.workload.WfFormatReader;
import dev.weft.sim.workload.WfInstance;
import dev.weft.sim.workload.Workload;
import dev.weft.sim.workload.WorkloadFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Everything one simulation needs, resolved from the options: the jobs, the cluster, the queue
 * tree (from {@code --queues}, else one leaf per queue of the workload), the core's configuration.
 *
 * @param queueSource the queue file, or {@code "workload"} when the tree was built from the workload
 * @param policy the leaves' policies, as wire names separated by commas
 * @param instance for a WfFormat workload, what the file recorded of the original execution
 */
record SimulationSetup(Workload workload, ClusterSpec cluster, QueueSpec queues, String queueSource,
                       String policy, SchedulerChoice choice, Optional<WfInstance> instance) {
  /** The machine of the pyss scenarios. */
  static final String PYSS_CLUSTER = "cpus=100";

  static SimulationSetup of(SimulateRequest r) {
    if (r.queues() != null && r.policy() != null) {
      throw new UsageException("--policy and --queues exclude each other: the queue file gives each leaf its policy");
    }
    PolicyName policy = r.policy() != null ? r.policy() : PolicyName.FCFS;
    WorkloadFormat format = r.format() != null ? r.format() : WorkloadFormat.detect(r.workload()).orElseThrow(
        () -> new UsageException("cannot tell the format of " + r.workload()
            + " from its name or content; give --format swf, csv, pyss or wfformat"));
    Optional<WfInstance> instance = format == WorkloadFormat.WFFORMAT
        ? Optional.of(new WfFormatReader().read(r.workload())) : Optional.empty();
    Workload workload = instance.map(WfInstance::workload).orElseGet(() -> format.read(r.workload()));
    ClusterSpec cluster = r.cluster() != null ? ClusterSpec.parse(r.cluster()) : defaultCluster(workload, instance);
    QueueSpec queues = r.queues() != null ? queuesFromFile(r, workload) : queuesOfWorkload(workload, policy);
    Map<String, PolicyName> leaves = QueueLeaves.of(queues);
    PreemptionChoice rules = r.preemption() != null ? r.preemption()
        : leaves.containsValue(PolicyName.SRTF) ? PreemptionChoice.SRTF : PreemptionChoice.NONE;
    SchedulerChoice choice = new SchedulerChoice(r.backfill(), r.order(), rules, r.mode());
    String source = r.queues() != null ? r.queues().toString() : "workload";
    String policies = leaves.values().stream().map(PolicyName::wire).distinct().collect(Collectors.joining(","));
    return new SimulationSetup(workload, cluster, queues, source, policies, choice, instance);
  }

  SchedulerConfig config() {
    return choice.config();
  }

  private static QueueSpec queuesOfWorkload(Workload workload, PolicyName policy) {
    try {
      return QueueTreeOfWorkload.build(queuePaths(workload), policy);
    } catch (IllegalArgumentException e) {
      throw new UsageException(workload.source() + ": " + e.getMessage());
    }
  }

  /** The tree of the file; every queue the workload names must be one of its leaves. */
  private static QueueSpec queuesFromFile(SimulateRequest r, Workload workload) {
    QueueSpec root = SpecCodec.readQueues(r.queues());
    Map<String, PolicyName> leaves = QueueLeaves.of(root);
    for (String path : queuePaths(workload)) {
      if (!leaves.containsKey(path)) {
        throw new UsageException(workload.source() + ": queue '" + path + "' is not a leaf of " + r.queues()
            + " (leaves: " + String.join(", ", leaves.keySet()) + ")");
      }
    }
    return root;
  }

  private static TreeSet<String> queuePaths(Workload workload) {
    return workload.jobs().stream().map(j -> j.spec().queue()).collect(Collectors.toCollection(TreeSet::new));
  }

  private static ClusterSpec defaultCluster(Workload w, Optional<WfInstance> instance) {
    return instance.isPresent() ? recordedMachines(instance.get()) : ClusterSpec.parse(defaultClusterSpec(w));
  }

  /** A WfFormat instance replays by default on the machines it ran on, one node per machine. */
  private static ClusterSpec recordedMachines(WfInstance instance) {
    return instance.recordedCluster().orElseThrow(() -> new UsageException(instance.workload().source()
        + " records no machines with a core count; give --cluster, e.g. --cluster nodes=2,cpus=48"));
  }

  private static String defaultClusterSpec(Workload w) {
    return switch (w.format()) {
      case SWF -> {
        if (w.declaredCpus() <= 0) {
          throw new UsageException(w.source() + " declares neither MaxProcs nor MaxNodes; give --cluster, e.g. --cluster cpus=128");
        }
        yield "cpus=" + w.declaredCpus();
      }
      case PYSS -> PYSS_CLUSTER;
      case CSV -> throw new UsageException("a CSV workload needs --cluster, e.g. --cluster cpus=4 or --cluster nodes=4,cpus=16");
      case WFFORMAT -> throw new IllegalStateException("a WfFormat workload runs on its recorded machines");
      case OPENB -> throw new UsageException("an openb pod list needs --cluster, an openb node list such as"
          + " openb_node_list_gpu_node.csv");
    };
  }
}
