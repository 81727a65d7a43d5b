package dev.weft.scheduler.api;

/**
 * How the core decides: backfilling, preemption, the placement scorers' weights, and how run
 * times are predicted.
 *
 * @param backfill NONE: strict head-of-line per queue; EASY: later tasks may start if they do not
 *     delay the head's reservation; CONSERVATIVE: they may not delay any earlier task's reservation;
 *     EASY_PLUS_PLUS: EASY with run times predicted from history (by default the mean of the user's
 *     last two actual run times) and shortest-predicted-first backfill order
 * @param backfillShortestFirst EASY-SJBF: try backfill candidates shortest estimate first
 * @param prediction where expected run times come from (ordering, reservations, SRTF); EASY_PLUS_PLUS
 *     turns {@link Prediction#ESTIMATE} into {@link Prediction#LAST_TWO_MEAN}, its own predictor
 */
public record SchedulerConfig(Backfill backfill, boolean backfillShortestFirst, PreemptionConfig preemption,
                              ScorerWeights scoring, Prediction prediction) {
  public enum Backfill { NONE, EASY, CONSERVATIVE, EASY_PLUS_PLUS }

  /**
   * Run-time predictors, from what is known at decision time only: the task's estimate and the
   * actual run times of the same user's finished tasks. History predictions never exceed the
   * estimate, and a task of no named user ({@code anonymous}) goes by its estimate: anonymous tasks
   * are not one person's.
   */
  public enum Prediction {
    /** The task's own estimate. */
    ESTIMATE,
    /** EASY++ (Tsafrir, Etsion and Feitelson 2007): the mean of the user's last two run times. */
    LAST_TWO_MEAN,
    /** The longest of the user's recent run times (up to the last 8): a cautious prediction. */
    RECENT_MAX
  }

  public SchedulerConfig {
    prediction = prediction == null ? Prediction.ESTIMATE : prediction;
  }

  /** A configuration predicting by the estimate (or, with EASY_PLUS_PLUS, by EASY++'s predictor). */
  public SchedulerConfig(Backfill backfill, boolean backfillShortestFirst, PreemptionConfig preemption,
                         ScorerWeights scoring) {
    this(backfill, backfillShortestFirst, preemption, scoring, Prediction.ESTIMATE);
  }

  public static SchedulerConfig defaults() {
    return new SchedulerConfig(Backfill.EASY, false, PreemptionConfig.defaults(), ScorerWeights.defaults());
  }

  public SchedulerConfig withBackfill(Backfill b) {
    return new SchedulerConfig(b, backfillShortestFirst, preemption, scoring, prediction);
  }

  public SchedulerConfig withShortestFirst(boolean s) {
    return new SchedulerConfig(backfill, s, preemption, scoring, prediction);
  }

  public SchedulerConfig withPreemption(PreemptionConfig p) {
    return new SchedulerConfig(backfill, backfillShortestFirst, p, scoring, prediction);
  }

  public SchedulerConfig withScoring(ScorerWeights s) {
    return new SchedulerConfig(backfill, backfillShortestFirst, preemption, s, prediction);
  }

  public SchedulerConfig withPrediction(Prediction p) {
    return new SchedulerConfig(backfill, backfillShortestFirst, preemption, scoring, p);
  }

  /** The predictor in effect: {@link #prediction}, except that EASY_PLUS_PLUS predicts from history by default. */
  public Prediction effectivePrediction() {
    return backfill == Backfill.EASY_PLUS_PLUS && prediction == Prediction.ESTIMATE ? Prediction.LAST_TWO_MEAN
        : prediction;
  }
}
