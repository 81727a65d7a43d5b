package dev.weft.scheduler.api;

/**
 * Weights of the placement scorers (0 turns one off). Bin-pack and spread pull opposite ways;
 * pick one of them. {@code bestFit} prefers the node left with the least free GPU, then CPU;
 * {@code fragmentation} the node whose GPUs a typical task could still use best (see
 * {@code LeastFragmentation}); both are off by default.
 */
public record ScorerWeights(double binPack, double spread, double balanced, double interference, double bestFit,
                            double fragmentation) {
  /** The four classic weights, with best-fit and fragmentation off. */
  public ScorerWeights(double binPack, double spread, double balanced, double interference) {
    this(binPack, spread, balanced, interference, 0, 0);
  }

  public static ScorerWeights defaults() {
    return new ScorerWeights(1, 0, 0.5, 1);
  }

  public static ScorerWeights spreading() {
    return new ScorerWeights(0, 1, 0.5, 1);
  }

  /** Only best-fit: the fullest node in GPU, then CPU, after placement. */
  public static ScorerWeights bestFitting() {
    return new ScorerWeights(0, 0, 0, 0, 1, 0);
  }

  /** Least expected GPU fragmentation first; best-fit breaks ties between equally fragmenting nodes. */
  public static ScorerWeights fragmentationAware() {
    return new ScorerWeights(0, 0, 0, 0, 0.001, 1);
  }
}
