package dev.weft.cli.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.sim.gpu.GpuReplayResult;
import java.util.List;

/**
 * The {@code --json} output of a GPU replay: one object; with one policy its figures sit at the top
 * level, with several they are {@code results: [...]}. Ratios are percents of the cluster's GPU
 * milli; {@code null} where a run did not reach that demand.
 */
final class GpuReplayJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GpuReplayJson() {}

  static String render(GpuReplaySetting s, List<GpuReplayResult> results) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("workload", s.workload());
    o.put("format", "openb");
    o.put("pods", s.pods());
    o.put("cluster", s.cluster());
    o.put("gpus", s.gpus());
    o.put("arrival", s.arrival());
    s.experiment().seeds().forEach(o.putArray("seeds")::add);
    if (!s.experiment().seeds().isEmpty()) {
      o.put("inflation", s.experiment().inflation());
    }
    if (results.size() == 1) {
      figures(o, results.get(0));
    } else {
      ArrayNode all = o.putArray("results");
      results.forEach(r -> figures(all.addObject(), r));
    }
    return o.toString() + System.lineSeparator();
  }

  private static void figures(ObjectNode o, GpuReplayResult r) {
    o.put("policy", r.policy().wire());
    number(o, "allocationAt100", r.allocationAtFullDemand());
    ArrayNode perSeed = o.putArray("allocationAt100PerSeed");
    for (double v : r.atFullDemand()) {
      perSeed.add(Double.isNaN(v) ? null : v);
    }
    o.put("podsPerRun", r.pods());
    o.put("unplacedPerRun", r.unplaced());
    ArrayNode curve = o.putArray("curve");
    double[] points = r.curve().ratioAtPercent();
    for (int p = 0; p < points.length; p++) {
      ObjectNode point = curve.addObject().put("demand", p);
      number(point, "allocation", points[p]);
    }
  }

  private static void number(ObjectNode o, String name, double v) {
    if (Double.isNaN(v)) {
      o.putNull(name);
    } else {
      o.put(name, v);
    }
  }
}
