package dev.weft.cli.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.sim.rlscheduler.ProtocolMachine;
import dev.weft.sim.rlscheduler.ProtocolResult;
import dev.weft.sim.rlscheduler.RlSchedulerProtocol;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The output of a protocol run: one JSON object ({@code avgBoundedSlowdown} is the mean of the
 * ten sequences' means, {@code sequences} those means) or a short table.
 */
final class ProtocolReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ProtocolReport() {}

  static String json(ProtocolSetup s, ProtocolResult r) {
    ObjectNode o = MAPPER.createObjectNode();
    figures(o, r);
    o.put("protocol", ProtocolChoice.RLSCHEDULER.wire());
    describe(o, s.config(), s.weft());
    o.put("workload", s.trace().source());
    o.put("machine", machine(s.trace().machine()));
    RlSchedulerProtocol.START_INDICES.forEach(o.putArray("startIndices")::add);
    o.put("dropped", s.trace().dropped());
    return o + System.lineSeparator();
  }

  /** The figures of {@code r}, as {@code simulate --json} and {@code compare --json} print them. */
  static void figures(ObjectNode o, ProtocolResult r) {
    o.put("jobs", r.jobs());
    o.put("avgWait", r.avgWait());
    o.put("avgTurnaround", r.avgTurnaround());
    o.put("avgBoundedSlowdown", r.avgBoundedSlowdown());
    r.sequenceSlowdowns().forEach(o.putArray("sequences")::add);
    o.put("makespan", r.makespan());
    o.put("utilization", r.utilization());
    o.put("maxWait", r.maxWait());
  }

  /** The configuration's names: engine, policy, backfill and (Weft) the prediction in effect. */
  static void describe(ObjectNode o, RunConfig c, SchedulerChoice weft) {
    o.put("engine", c.engine().wire());
    o.put("policy", c.policy().wire());
    o.put("backfill", c.backfill().wire());
    PredictionChoice p = c.effectivePrediction(weft);
    if (p != null) {
      o.put("prediction", p.wire());
    }
  }

  static String text(ProtocolSetup s, ProtocolResult r) {
    StringBuilder out = new StringBuilder();
    out.append(f("workload  %s (protocol rlscheduler): %d sequences of %d jobs%n", s.trace().source(),
        r.sequences().size(), RlSchedulerProtocol.SEQUENCE_LENGTH));
    out.append(f("machine   %s%n", machine(s.trace().machine())));
    out.append(f("engine    %s%n%n", s.engine().describe()));
    out.append(f("%-26s %12.2f%n", "average bounded slowdown", r.avgBoundedSlowdown()));
    out.append(f("%-26s %s%n", "per sequence", r.sequenceSlowdowns().stream().map(v -> f("%.2f", v))
        .collect(Collectors.joining(" "))));
    out.append(f("%-26s %12.1f s%n", "average wait", r.avgWait()));
    out.append(f("%-26s %12.1f s%n", "average turnaround", r.avgTurnaround()));
    out.append(f("%-26s %12.1f %%%n", "utilization", 100 * r.utilization()));
    return out.toString();
  }

  static String machine(ProtocolMachine m) {
    double ppn = m.processorsPerNode();
    return m.nodes() + " nodes of " + (ppn == Math.rint(ppn) ? Long.toString((long) ppn) : Double.toString(ppn))
        + (ppn == 1 ? " processor" : " processors");
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
