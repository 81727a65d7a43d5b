package dev.weft.cli.simulate;

import dev.weft.cli.UsageException;
import dev.weft.cli.WeftCommand;
import dev.weft.cli.progress.ProgressOption;
import dev.weft.model.PolicyName;
import dev.weft.scheduler.CorePlanner;
import dev.weft.sim.engine.Simulator;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.rlscheduler.ProtocolResult;
import dev.weft.sim.rlscheduler.RlSchedulerProtocol;
import dev.weft.sim.workload.WorkloadFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code weft simulate}: replays a workload through the real planner and reports what it measured. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Replay a workload (SWF trace, Weft CSV, pyss scenario or WfFormat workflow instance)"
        + " through the scheduler in simulated time, or GPU pods (openb) through placement.",
    subcommands = SimulateCompareCommand.class)
public final class SimulateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** Required, but checked in {@link #call}: picocli would demand it of {@code simulate compare} too. */
  @Option(names = "--workload", paramLabel = "FILE", description = "The workload file (required).")
  Path workload;

  @Option(names = "--format", paramLabel = "swf|csv|pyss|wfformat|openb", converter = FormatConverter.class,
      description = "The workload format; by default from the extension (.swf, .swf.gz, .csv; openb_pod_list*.csv)"
          + " or, for .json, the content.")
  WorkloadFormat format;

  @Option(names = "--cluster", paramLabel = "SPEC", description = "cpus=N | nodes=N,cpus=C[,memory=4Gi][,gpus=G]"
      + " | zones=Z,racks=R,nodes=N,cpus=C[,memory=M]. Default: cpus=MaxProcs for SWF, cpus=100 for pyss,"
      + " the recorded machines for WfFormat.")
  String cluster;

  @Option(names = "--policy", paramLabel = "NAME", converter = PolicyConverter.class,
      description = "Leaf ordering: fcfs, sjf, srtf, priority, edf, fair, critical-path, dag-lookahead, wfp3, unicep,"
          + " f1 (default: fcfs).")
  PolicyName policy;

  @Option(names = "--queues", paramLabel = "FILE",
      description = "A YAML/JSON queue tree (default: one leaf per queue of the workload, ordered by --policy).")
  Path queues;

  @Option(names = "--backfill", paramLabel = "none|easy|conservative|easy++", defaultValue = "none",
      converter = BackfillChoice.Converter.class, description = "Backfilling (default: ${DEFAULT-VALUE}).")
  BackfillChoice backfill;

  @Option(names = "--backfill-order", paramLabel = "queue|shortest", defaultValue = "queue",
      converter = BackfillOrder.Converter.class, description = "Order of backfill candidates (default: ${DEFAULT-VALUE}).")
  BackfillOrder backfillOrder;

  @Option(names = "--preemption", paramLabel = "none|priority|srtf|guarantee|all",
      converter = PreemptionChoice.Converter.class,
      description = "Preemption rules (default: srtf when a leaf uses srtf, else none).")
  PreemptionChoice preemption;

  @Option(names = "--preemption-mode", paramLabel = "kill|suspend", defaultValue = "suspend",
      converter = PreemptionModeChoice.Converter.class,
      description = "What preemption does to a task: kill and requeue it, or suspend it (default: ${DEFAULT-VALUE}).")
  PreemptionModeChoice preemptionMode;

  @Option(names = "--placement", paramLabel = "POLICY[,POLICY...]",
      description = "GPU replay (openb): weft-default, best-fit, frag-aware (default: weft-default).")
  String placement;

  @Option(names = "--arrival", paramLabel = "fgd|trace",
      description = "GPU replay (openb): the FGD paper's shuffled and inflated arrivals, or the trace order (default: fgd).")
  String arrival;

  @Option(names = "--seeds", paramLabel = "LIST",
      description = "GPU replay (openb), --arrival fgd: seeds such as 42-51 or 42,45 (default: 42-51).")
  String seeds;

  @Option(names = "--json", description = "Print one JSON object on stdout instead of a table.")
  boolean json;

  @Mixin
  ReportOption report;

  @Mixin
  ProgressOption progress;

  @Mixin
  ProtocolOptions protocolOptions;

  @Override
  public Integer call() {
    if (workload == null) {
      throw new UsageException("Missing required option: '--workload=FILE'");
    }
    GpuReplayRequest gpu = new GpuReplayRequest(placement, arrival, seeds);
    if (GpuReplayCommand.appliesTo(workload, format)) {
      return GpuReplayCommand.run(workload, cluster, gpu, json, spec.commandLine().getOut(), report);
    }
    if (gpu.anyGiven()) {
      throw new UsageException("--placement, --arrival and --seeds apply to GPU pod lists (--format openb)");
    }
    SimulateRequest request = new SimulateRequest(workload, format, cluster, policy, queues, backfill, backfillOrder,
        preemption, preemptionMode);
    if (protocolOptions.protocol != null) {
      return runProtocol(ProtocolSetup.of(request, protocolOptions));
    }
    protocolOptions.checkEngineNeedsProtocol();
    SimulationSetup setup = SimulationSetup.of(request);
    SimResult result = progress.during(spec.commandLine().getErr(), p ->
        new Simulator(new CorePlanner(protocolOptions.applyTo(setup.config())), setup.cluster().nodes(),
            setup.queues()).run(setup.workload().jobs(), p));
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? JsonReport.render(setup, result) : TextReport.render(setup, result));
    out.flush();
    report.write(() -> RunReport.of(setup, result));
    warnAboutStuckTasks(result);
    return WeftCommand.OK;
  }

  private int runProtocol(ProtocolSetup setup) {
    ProtocolResult result = RlSchedulerProtocol.run(setup.trace(), setup.engine());
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? ProtocolReport.json(setup, result) : ProtocolReport.text(setup, result));
    out.flush();
    return WeftCommand.OK;
  }

  private void warnAboutStuckTasks(SimResult result) {
    if (result.stuck() == 0) {
      return;
    }
    PrintWriter err = spec.commandLine().getErr();
    String first = result.stuckIds().get(0);
    err.println("weft: warning: " + result.stuck() + " task(s) never ran, e.g. " + first + ": "
        + result.stuckReasons().getOrDefault(first, "no reason given"));
    err.flush();
  }
}
