package dev.weft.scheduler.api;

/**
 * Weights of the placement scorers (0 turns one off). Bin-pack and spread pull opposite ways;
 * pick one of them.
 */
public record ScorerWeights(double binPack, double spread, double balanced, double interference) {
  public static ScorerWeights defaults() {
    return new ScorerWeights(1, 0, 0.5, 1);
  }

  public static ScorerWeights spreading() {
    return new ScorerWeights(0, 1, 0.5, 1);
  }
}
