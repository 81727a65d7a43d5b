package dev.weft.cli.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.scheduler.CorePlanner;
import dev.weft.sim.engine.Simulator;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.queues.QueueTreeOfWorkload;
import dev.weft.sim.rlscheduler.ProtocolTrace;
import dev.weft.sim.rlscheduler.RlSchedulerProtocol;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Runs every configuration of a comparison on one workload, read once, in the order given. */
final class RunComparison {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RunComparison() {}

  /** Under the protocol: each configuration on the trace's ten sequences. */
  static List<CompareRow> onProtocol(ProtocolTrace trace, List<RunConfig> configs) {
    return configs.stream().map(c -> {
      SchedulerChoice weft = RunConfig.weftOptions(c.policy(), BackfillOrder.QUEUE, null, PreemptionModeChoice.SUSPEND);
      ObjectNode o = names(c, weft);
      ProtocolReport.figures(o, RlSchedulerProtocol.run(trace, c.protocolEngine(weft)));
      return new CompareRow(c, o);
    }).toList();
  }

  /** Without a protocol: each configuration through Weft's planner on the workload's cluster. */
  static List<CompareRow> onCluster(SimulationSetup base, List<RunConfig> configs) {
    Set<String> queuePaths = new TreeSet<>();
    base.workload().jobs().forEach(j -> queuePaths.add(j.spec().queue()));
    return configs.stream().map(c -> {
      SchedulerChoice weft = RunConfig.weftOptions(c.policy(), BackfillOrder.QUEUE, null, PreemptionModeChoice.SUSPEND);
      SimResult r = new Simulator(new CorePlanner(c.weftConfig(weft)), base.cluster().nodes(),
          QueueTreeOfWorkload.build(queuePaths, c.policy())).run(base.workload().jobs());
      ObjectNode o = names(c, weft);
      figures(o, r);
      return new CompareRow(c, o, r);
    }).toList();
  }

  private static ObjectNode names(RunConfig c, SchedulerChoice weft) {
    ObjectNode o = MAPPER.createObjectNode();
    ProtocolReport.describe(o, c, weft);
    return o;
  }

  private static void figures(ObjectNode o, SimResult r) {
    JsonReport.figures(o, r);
    o.put("rejected", r.rejected());
    o.put("stuck", r.stuck());
    o.put("preemptions", r.preemptions());
  }
}
