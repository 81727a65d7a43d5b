package dev.weft.cli.simulate;

import dev.weft.cli.UsageException;
import dev.weft.cli.WeftCommand;
import dev.weft.model.PolicyName;
import dev.weft.sim.rlscheduler.ProtocolTrace;
import dev.weft.sim.workload.WorkloadFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weft simulate compare}: several policy and backfill configurations on one workload in one
 * go, side by side. With {@code --protocol rlscheduler} the default set is the paper's five
 * heuristics without and with its backfilling next to Weft's EASY, conservative and EASY++; without
 * it, fcfs and sjf under every backfill mode on the given cluster.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run several policy/backfill configurations on one workload and print them side by side.")
public final class SimulateCompareCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--workload", required = true, paramLabel = "FILE", description = "The workload file.")
  Path workload;

  @Option(names = "--format", paramLabel = "swf|csv|pyss", converter = FormatConverter.class,
      description = "The workload format; by default from the extension (.swf, .swf.gz, .csv).")
  WorkloadFormat format;

  @Option(names = "--cluster", paramLabel = "SPEC",
      description = "As for simulate (not with --protocol: the machine is the trace's).")
  String cluster;

  @Option(names = "--configs", paramLabel = "CONFIG", split = ",",
      description = "Configurations to run, [paper:|weft:]POLICY/BACKFILL[/PREDICTION] separated by commas, e.g."
          + " fcfs/none,sjf/easy,weft:sjf/easy/recent-max (default: a set for the protocol or the cluster).")
  List<String> configs;

  @Mixin
  ProtocolOptions protocolOptions;

  @Option(names = "--json", description = "Print {\"results\": [...]} on stdout instead of a table.")
  boolean json;

  @Mixin
  ReportOption report;

  @Override
  public Integer call() {
    protocolOptions.checkEngineNeedsProtocol();
    List<RunConfig> runs = CompareConfigs.of(configs, protocolOptions);
    String output = protocolOptions.protocol != null ? onProtocol(runs) : onCluster(runs);
    PrintWriter out = spec.commandLine().getOut();
    out.print(output);
    out.flush();
    return WeftCommand.OK;
  }

  private String onProtocol(List<RunConfig> runs) {
    if (cluster != null) {
      throw new UsageException("--cluster does not apply to --protocol rlscheduler: the machine is the trace's");
    }
    ProtocolSetup.checkSwf(workload, format);
    ProtocolTrace trace = ProtocolSetup.read(workload);
    List<CompareRow> rows = RunComparison.onProtocol(trace, runs);
    String protocol = ProtocolChoice.RLSCHEDULER.wire();
    report.write(() -> CompareHtml.onProtocol(trace.source(), rows));
    return json ? CompareReport.json(trace.source(), protocol, rows) : CompareReport.text(trace.source(),
        "protocol  rlscheduler: 10 sequences of 1024 jobs on " + ProtocolReport.machine(trace.machine())
            + "; avg bsld = mean of the sequences' means", rows);
  }

  private String onCluster(List<RunConfig> runs) {
    SimulationSetup base = SimulationSetup.of(new SimulateRequest(workload, format, cluster, PolicyName.FCFS, null,
        BackfillChoice.NONE, BackfillOrder.QUEUE, null, PreemptionModeChoice.SUSPEND));
    List<CompareRow> rows = RunComparison.onCluster(base, runs);
    report.write(() -> CompareHtml.onCluster(base, rows));
    return json ? CompareReport.json(base.workload().source(), null, rows) : CompareReport.text(
        base.workload().source(), "cluster   " + base.cluster().describe(), rows);
  }
}
