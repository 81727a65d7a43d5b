package dev.weft.cli.simulate;

import dev.weft.cli.UsageException;
import dev.weft.model.PolicyName;
import dev.weft.sim.rlscheduler.ProtocolEngine;
import dev.weft.sim.rlscheduler.ProtocolTrace;
import dev.weft.sim.rlscheduler.RlSchedulerProtocol;
import dev.weft.sim.workload.WorkloadFormat;
import java.nio.file.Path;

/**
 * A {@code simulate --protocol rlscheduler} call resolved from its options: the trace read by the
 * protocol's rules, the configuration and the engine that runs it. The machine comes from the
 * trace, so {@code --cluster} and {@code --queues} do not apply.
 *
 * @param weft the preemption and backfill order Weft's engine uses
 */
record ProtocolSetup(ProtocolTrace trace, RunConfig config, SchedulerChoice weft, ProtocolEngine engine) {
  static ProtocolSetup of(SimulateRequest r, ProtocolOptions o) {
    if (r.cluster() != null) {
      throw new UsageException("--cluster does not apply to --protocol rlscheduler: the machine is the trace's"
          + " (MaxNodes nodes of MaxProcs/MaxNodes processors)");
    }
    if (r.queues() != null) {
      throw new UsageException("--queues does not apply to --protocol rlscheduler: one queue ordered by --policy");
    }
    checkSwf(r.workload(), r.format());
    RunConfig config = new RunConfig(o.engineOrDefault(), r.policy() != null ? r.policy() : PolicyName.FCFS,
        r.backfill(), o.prediction);
    if (config.engine() == EngineChoice.PAPER && (r.preemption() != null || r.order() == BackfillOrder.SHORTEST)) {
      throw new UsageException("--preemption and --backfill-order apply to Weft's planner; add --engine weft");
    }
    SchedulerChoice weft = RunConfig.weftOptions(config.policy(), r.order(), r.preemption(), r.mode());
    ProtocolEngine engine = config.protocolEngine(weft);
    return new ProtocolSetup(read(r.workload()), config, weft, engine);
  }

  /** Refuses a workload that is not SWF, as {@code --format} or the file name says (SWF when neither does). */
  static void checkSwf(Path workload, WorkloadFormat format) {
    WorkloadFormat f = format != null ? format : WorkloadFormat.fromFileName(workload).orElse(WorkloadFormat.SWF);
    if (f != WorkloadFormat.SWF) {
      throw new UsageException("--protocol rlscheduler reads SWF traces, not " + f.wire() + " (" + workload + ")");
    }
  }

  /** Reads the trace and checks that it holds the ten sequences. */
  static ProtocolTrace read(Path file) {
    ProtocolTrace trace = ProtocolTrace.read(file);
    try {
      RlSchedulerProtocol.sequences(trace);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return trace;
  }
}
