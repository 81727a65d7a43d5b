package dev.weft.cli.simulate;

import dev.weft.sim.gpu.GpuReplayResult;
import java.util.List;
import java.util.Locale;

/**
 * The human output of a GPU replay: the setting, then per policy the allocation ratio at a few
 * demand levels and at the most demand reached, and the pods no node could take (mean per run).
 */
final class GpuReplayText {
  private static final int[] LEVELS = {50, 80, 90, 95, 100, 110, 130};

  private GpuReplayText() {}

  static String render(GpuReplaySetting s, List<GpuReplayResult> results) {
    StringBuilder out = new StringBuilder();
    out.append(f("workload  %s (openb): %d pods%n", s.workload(), s.pods()));
    out.append(f("cluster   %s%n", s.cluster()));
    out.append(s.arrival().equals("trace") ? f("arrival   trace order (creation time), pods never leave%n%n")
        : f("arrival   FGD protocol: shuffled, inflated to %.0f%% of the GPUs, mean of seeds %s%n%n",
            100 * s.experiment().inflation(), s.experiment().seeds()));
    out.append(f("GPU allocation ratio (%%) at arrived GPU demand (%% of the cluster's GPUs)%n"));
    out.append(f("%-14s", "policy"));
    for (int level : LEVELS) {
      out.append(f("%8s", level + "%"));
    }
    out.append(f("%14s%12s%n", "at max", "unplaced"));
    for (GpuReplayResult r : results) {
      out.append(f("%-14s", r.policy().wire()));
      for (int level : LEVELS) {
        double v = r.curve().at(level);
        out.append(Double.isNaN(v) ? f("%8s", "-") : f("%8.2f", v));
      }
      int top = r.curve().topPercent();
      out.append(f("%14s%12.1f%n", f("%d%%: %.2f", top, r.curve().at(top)), r.unplaced()));
    }
    return out.toString();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
