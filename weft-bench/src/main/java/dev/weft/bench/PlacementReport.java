package dev.weft.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The figures of one {@code weft bench placement} run: the placement rate on the topology tree,
 * the same on the flattened cluster, and what the run was measured on.
 */
record PlacementReport(String mode, int nodes, int zones, long racks, int tasks, Demand demand,
    Figure tree, Figure flat, int cpus) {

  static final double TARGET_PER_SECOND = 100_000;

  double treeSpeedup() {
    return tree.placementsPerSecond() / flat.placementsPerSecond();
  }

  /** One JSON object; figures JMH could not compute (an error from one iteration) are null. */
  ObjectNode json() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("benchmark", "placement");
    o.put("mode", mode);
    o.put("jdk", tree.jdk());
    o.put("threads", 1);
    o.put("nodes", nodes);
    o.put("zones", zones);
    o.put("racks", racks);
    o.put("tasks", tasks);
    o.put("cpuDemandPercent", demand.cpuPercent());
    o.put("memoryDemandPercent", demand.memoryPercent());
    o.put("gpuDemandPercent", demand.gpuPercent());
    figure(o, "", tree);
    figure(o, "flat", flat);
    o.put("treeSpeedup", round(treeSpeedup(), 2));
    o.put("targetPlacementsPerSecond", Math.round(TARGET_PER_SECOND));
    o.put("meetsTarget", tree.placementsPerSecond() >= TARGET_PER_SECOND);
    o.put("cpus", cpus);
    return o;
  }

  private static void figure(ObjectNode o, String prefix, Figure f) {
    o.put(name(prefix, "placementsPerSecond"), Math.round(f.placementsPerSecond()));
    putOrNull(o, name(prefix, "errorPercent"), round(f.errorPercent(), 1));
    o.put(name(prefix, "slowestIterationPerSecond"), Math.round(f.slowestPerSecond()));
    o.put(name(prefix, "fastestIterationPerSecond"), Math.round(f.fastestPerSecond()));
    o.put(name(prefix, "iterations"), f.iterations());
    o.put(name(prefix, "placed"), f.placed());
    o.put(name(prefix, "unplaced"), f.unplaced());
    putOrNull(o, name(prefix, "loadAverageAtStart"), f.loadAverage() < 0 ? Double.NaN : round(f.loadAverage(), 2));
  }

  private static String name(String prefix, String field) {
    return prefix.isEmpty() ? field : prefix + Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }

  private static void putOrNull(ObjectNode o, String field, double value) {
    if (Double.isFinite(value)) {
      o.put(field, value);
    } else {
      o.putNull(field);
    }
  }

  private static double round(double v, int decimals) {
    double scale = Math.pow(10, decimals);
    return Double.isFinite(v) ? Math.round(v * scale) / scale : v;
  }

  /** The human summary printed without {@code --json}. */
  String text() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "weft bench placement: %s run, 1 thread, JDK %s%n", mode, tree.jdk()));
    s.append(String.format(Locale.ROOT, "  cluster  %,d nodes in %d zones, %d racks; %,d tasks asking %.1f%% of cpu,"
        + " %.1f%% of memory%n", nodes, zones, racks, tasks, demand.cpuPercent(), demand.memoryPercent()));
    s.append(line("tree", tree));
    s.append(line("flat", flat));
    s.append(String.format(Locale.ROOT, "  speedup  %.1fx from pruning the topology tree%n", treeSpeedup()));
    s.append(String.format(Locale.ROOT, "  target   %,.0f placements/s: %s%n", TARGET_PER_SECOND,
        tree.placementsPerSecond() >= TARGET_PER_SECOND ? "met" : "NOT met"));
    s.append(String.format(Locale.ROOT, "  machine  %d cpus, load average %.2f before the tree run and %.2f before"
        + " the flat run; on a shared machine expect noise%n", cpus, tree.loadAverage(), flat.loadAverage()));
    return s.toString();
  }

  private static String line(String label, Figure f) {
    String spread = f.iterations() == 1 ? "1 iteration, no error estimate"
        : String.format(Locale.ROOT, "%d iterations: %,.0f..%,.0f/s, JMH 99.9%% CI ±%.1f%%", f.iterations(),
            f.slowestPerSecond(), f.fastestPerSecond(), f.errorPercent());
    return String.format(Locale.ROOT, "  %-7s  %,9.0f placements/s  (%s); %,d placed, %,d found no node%n",
        label, f.placementsPerSecond(), spread, f.placed(), f.unplaced());
  }
}
