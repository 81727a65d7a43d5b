package dev.weft.cli.demo;

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

/**
 * {@code weft demo --simulated}: the demo scenario of weft-sim (a seven-node hierarchical cluster, a
 * prod/batch queue tree, a mixed workload) replayed through the real planner in simulated time, in
 * a second, with no process started.
 */
final class SimulatedDemo {
  private SimulatedDemo() {}

  static void print(PrintWriter out) {
    List<Node> cluster = DemoScenario.cluster();
    SchedulerConfig config = SchedulerConfig.defaults().withPreemption(PreemptionConfig.defaults());
    out.println("Weft scheduling demo (simulated): " + cluster.size() + " nodes in region eu (zone-a: 2 racks,"
        + " zone-b: 2 racks, b3 is a tainted GPU node)");
    out.println("queues: root.prod (priority, 60% guaranteed), root.batch (sjf, 40% guaranteed, may borrow)");
    out.println("policy: EASY backfilling, priority preemption (gap 10), guarantee reclaim, kill-and-requeue");
    out.println();
    SimResult r = new Simulator(new CorePlanner(config), cluster, DemoScenario.queues()).run(DemoScenario.workload());
    out.print(DemoReport.render(r, cluster));
    out.flush();
  }
}
