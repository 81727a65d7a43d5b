package dev.weft.cli.simulate;

import dev.weft.cli.UsageException;
import dev.weft.sim.gpu.GpuExperiment;
import dev.weft.sim.gpu.GpuPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The GPU replay options of {@code weft simulate} as given ({@code null} when absent), checked and
 * resolved: {@code --placement} one or more policies separated by commas (default weft-default),
 * {@code --arrival fgd|trace} (default fgd) and {@code --seeds} for fgd ({@code 42-51},
 * {@code 42,45}; default the published 42-51).
 */
record GpuReplayRequest(String placement, String arrival, String seeds) {
  boolean anyGiven() {
    return placement != null || arrival != null || seeds != null;
  }

  List<GpuPolicy> policies() {
    String text = placement == null ? GpuPolicy.WEFT_DEFAULT.wire() : placement;
    try {
      return Arrays.stream(text.split(",")).map(GpuPolicy::parse).distinct().toList();
    } catch (IllegalArgumentException e) {
      throw new UsageException("--placement: " + e.getMessage());
    }
  }

  /** True for the FGD protocol (shuffled, inflated), false for the trace's own order. */
  boolean shuffled() {
    String a = arrival == null ? "fgd" : arrival.strip().toLowerCase(Locale.ROOT);
    return switch (a) {
      case "fgd" -> true;
      case "trace" -> {
        if (seeds != null) {
          throw new UsageException("--seeds applies to --arrival fgd (the trace order has no randomness)");
        }
        yield false;
      }
      default -> throw new UsageException("--arrival: expected fgd or trace, got '" + arrival + "'");
    };
  }

  List<Long> seedList() {
    if (!shuffled()) {
      return List.of();
    }
    if (seeds == null) {
      return GpuExperiment.FGD_SEEDS;
    }
    List<Long> out = new ArrayList<>();
    try {
      for (String part : seeds.split(",")) {
        String[] range = part.strip().split("-", 2);
        long from = Long.parseLong(range[0].strip());
        long to = range.length == 2 ? Long.parseLong(range[1].strip()) : from;
        if (to < from || to - from >= 1000) {
          throw new NumberFormatException();
        }
        for (long s = from; s <= to; s++) {
          out.add(s);
        }
      }
    } catch (NumberFormatException e) {
      throw new UsageException("--seeds: expected seeds like 42-51 or 42,45 (at most 1000 in a range), got '" + seeds + "'");
    }
    return out.stream().distinct().toList();
  }
}
