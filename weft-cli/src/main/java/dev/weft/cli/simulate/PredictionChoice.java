package dev.weft.cli.simulate;

import dev.weft.scheduler.api.SchedulerConfig.Prediction;

/** The values of {@code --prediction}: where Weft's expected run times come from. */
enum PredictionChoice implements WireName {
  ESTIMATE("estimate", Prediction.ESTIMATE),
  LAST_TWO_MEAN("last-two-mean", Prediction.LAST_TWO_MEAN),
  RECENT_MAX("recent-max", Prediction.RECENT_MAX);

  private final String wire;
  private final Prediction prediction;

  PredictionChoice(String wire, Prediction prediction) {
    this.wire = wire;
    this.prediction = prediction;
  }

  @Override
  public String wire() {
    return wire;
  }

  Prediction prediction() {
    return prediction;
  }

  /** The choice that stands for {@code p}. */
  static PredictionChoice of(Prediction p) {
    for (PredictionChoice c : values()) {
      if (c.prediction == p) {
        return c;
      }
    }
    throw new IllegalArgumentException("no choice for " + p);
  }

  static final class Converter extends WireName.Converter<PredictionChoice> {
    Converter() {
      super(PredictionChoice.class);
    }
  }
}
