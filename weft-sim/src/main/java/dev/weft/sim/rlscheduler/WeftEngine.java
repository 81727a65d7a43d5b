package dev.weft.sim.rlscheduler;

import dev.weft.model.Node;
import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.scheduler.CorePlanner;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.sim.engine.Simulator;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.metrics.TaskRecord;
import dev.weft.sim.workload.SimJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weft's own machinery on the protocol: each sequence replayed by the {@link Simulator} through the
 * real {@link CorePlanner}, one leaf queue ordered by {@code policy}, with {@code config}'s
 * backfilling.
 *
 * <p>The machine is one Weft node of {@code MaxProcs} CPUs and a job of {@code n} processors asks
 * {@code ceil(n / ppn) * ppn} CPUs. The paper's cluster only counts free nodes (it never names
 * them), so this is exactly its whole-node machine: a job fits when {@code ceil(n / ppn)} nodes are
 * free. What the planner sees of a job: its requested time as the estimate, its user, its submit
 * time; the actual run time only once the job has finished (EASY++ learns from it).
 */
public record WeftEngine(PolicyName policy, SchedulerConfig config) implements ProtocolEngine {
  @Override
  public long[] starts(List<ProtocolJob> sequence, ProtocolMachine machine) {
    List<SimJob> jobs = new ArrayList<>(sequence.size());
    for (ProtocolJob j : sequence) {
      jobs.add(simJob(j, machine));
    }
    Node node = Node.of("machine", Resources.cpus(machine.processors()));
    SimResult result = new Simulator(new CorePlanner(config), List.of(node), QueueSpec.defaultTree(policy)).run(jobs);
    if (result.jobs() != sequence.size()) {
      throw new IllegalStateException("Weft left " + (sequence.size() - result.jobs()) + " job(s) of the sequence unscheduled, e.g. "
          + result.stuckIds() + result.rejectedIds());
    }
    Map<String, TaskRecord> byId = result.tasksById();
    long[] starts = new long[sequence.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = byId.get(Long.toString(sequence.get(i).id())).startMillis() / 1000;
    }
    return starts;
  }

  @Override
  public String describe() {
    String backfill = config.backfill() == SchedulerConfig.Backfill.EASY_PLUS_PLUS ? "easy++"
        : config.backfill().name().toLowerCase(Locale.ROOT);
    String prediction = config.effectivePrediction().name().toLowerCase(Locale.ROOT).replace('_', '-');
    return "weft " + policy.wire() + ", backfill " + backfill + ", prediction " + prediction;
  }

  private static SimJob simJob(ProtocolJob j, ProtocolMachine machine) {
    double cpus = machine.nodesFor(j.processors()) * machine.processorsPerNode();
    TaskSpec spec = TaskSpec.builder(Long.toString(j.id()))
        .resources(Resources.cpus(cpus))
        .submitMillis(j.submit() * 1000)
        .estimateMillis(j.requestedTime() > 0 ? j.requestedTime() * 1000 : 0)
        .user(j.user() >= 0 ? "u" + j.user() : null)
        .build();
    return SimJob.of(spec, j.runtime() * 1000);
  }
}
