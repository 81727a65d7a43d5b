package dev.weft.cli;

import dev.weft.model.Node;
import dev.weft.scheduler.CorePlanner;
import dev.weft.scheduler.api.PreemptionConfig;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.sim.demo.DemoReport;
import dev.weft.sim.demo.DemoScenario;
import dev.weft.sim.engine.Simulator;
import dev.weft.sim.metrics.SimResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weft demo}: until the server exists, replays the demo scenario (a hierarchical cluster,
 * a prod/batch queue tree, a mixed workload) through the real planner and prints who ran where
 * and the waits per queue.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the scheduling demo: a small hierarchical cluster and a mixed workload.")
final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--once", description = "Exit after the summary (the only mode until the server exists).")
  boolean once;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Node> cluster = DemoScenario.cluster();
    SchedulerConfig config = SchedulerConfig.defaults()
        .withPreemption(PreemptionConfig.defaults());
    out.println("Weft scheduling demo: " + cluster.size() + " nodes in region eu (zone-a: 2 racks, zone-b: 2 racks,"
        + " b3 is a tainted GPU node)");
    out.println("queues: root.prod (priority, 60% guaranteed), root.batch (sjf, 40% guaranteed, may borrow)");
    out.println("policy: EASY backfilling, priority preemption (gap 10), guarantee reclaim, kill-and-requeue");
    out.println();
    SimResult r = new Simulator(new CorePlanner(config), cluster, DemoScenario.queues()).run(DemoScenario.workload());
    out.print(DemoReport.render(r, cluster));
    out.flush();
    return 0;
  }
}
