package dev.weft.cli.simulate;

import dev.weft.cli.UsageException;
import dev.weft.cli.WeftCommand;
import dev.weft.model.PolicyName;
import dev.weft.scheduler.CorePlanner;
import dev.weft.sim.engine.Simulator;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.workload.WorkloadFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code weft simulate}: replays a workload through the real planner and reports what it measured. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Replay a workload (SWF trace, Weft CSV or pyss scenario) through the scheduler in simulated time,"
        + " or GPU pods (openb) through placement.")
public final class SimulateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--workload", required = true, paramLabel = "FILE", description = "The workload file.")
  Path workload;

  @Option(names = "--format", paramLabel = "swf|csv|pyss|openb", converter = FormatConverter.class,
      description = "The workload format; by default from the extension (.swf, .swf.gz, .csv).")
  WorkloadFormat format;

  @Option(names = "--cluster", paramLabel = "SPEC", description = "cpus=N | nodes=N,cpus=C[,memory=4Gi][,gpus=G]"
      + " | zones=Z,racks=R,nodes=N,cpus=C[,memory=M]. Default: cpus=MaxProcs for SWF, cpus=100 for pyss.")
  String cluster;

  @Option(names = "--policy", paramLabel = "NAME", converter = PolicyConverter.class,
      description = "Leaf ordering: fcfs, sjf, srtf, priority, edf, fair, critical-path (default: fcfs).")
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

  @Override
  public Integer call() {
    GpuReplayRequest gpu = new GpuReplayRequest(placement, arrival, seeds);
    if (GpuReplayCommand.appliesTo(workload, format)) {
      return GpuReplayCommand.run(workload, cluster, gpu, json, spec.commandLine().getOut());
    }
    if (gpu.anyGiven()) {
      throw new UsageException("--placement, --arrival and --seeds apply to GPU pod lists (--format openb)");
    }
    SimulationSetup setup = SimulationSetup.of(new SimulateRequest(workload, format, cluster, policy, queues,
        backfill, backfillOrder, preemption, preemptionMode));
    SimResult result = new Simulator(new CorePlanner(setup.config()), setup.cluster().nodes(), setup.queues())
        .run(setup.workload().jobs());
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? JsonReport.render(setup, result) : TextReport.render(setup, result));
    out.flush();
    warnAboutStuckTasks(result);
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
