package dev.weft.sim.gpu;

import dev.weft.scheduler.api.ScorerWeights;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The placement policies the GPU replay compares: scorer weights, and whether the workload profile is given. */
public enum GpuPolicy {
  /** Weft's default scoring: bin-pack, balanced cpu/memory, profile interference. */
  WEFT_DEFAULT("weft-default", ScorerWeights.defaults()),
  /** Least free GPU, then CPU, after placement. */
  BEST_FIT("best-fit", ScorerWeights.bestFitting()),
  /** Least growth of expected GPU fragmentation against the workload's task shapes; best-fit breaks ties. */
  FRAG_AWARE("frag-aware", ScorerWeights.fragmentationAware());

  private final String wire;
  private final ScorerWeights weights;

  GpuPolicy(String wire, ScorerWeights weights) {
    this.wire = wire;
    this.weights = weights;
  }

  public String wire() {
    return wire;
  }

  public ScorerWeights weights() {
    return weights;
  }

  /** Parses a policy name; the message lists the accepted names. */
  public static GpuPolicy parse(String name) {
    String k = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(p -> p.wire.equals(k)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown placement policy '" + name + "' (expected one of "
            + Arrays.stream(values()).map(GpuPolicy::wire).collect(Collectors.joining(", ")) + ")"));
  }

  @Override
  public String toString() {
    return wire;
  }
}
