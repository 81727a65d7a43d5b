package dev.weft.scheduler.api;

/**
 * How the core decides: backfilling, preemption, and the placement scorers' weights.
 *
 * @param backfill NONE: strict head-of-line per queue; EASY: later tasks may start if they do not
 *     delay the head's reservation; CONSERVATIVE: they may not delay any earlier task's reservation;
 *     EASY_PLUS_PLUS: EASY with run times predicted as the mean of the user's last two actual run
 *     times and shortest-predicted-first backfill order
 * @param backfillShortestFirst EASY-SJBF: try backfill candidates shortest estimate first
 */
public record SchedulerConfig(Backfill backfill, boolean backfillShortestFirst, PreemptionConfig preemption,
                              ScorerWeights scoring) {
  public enum Backfill { NONE, EASY, CONSERVATIVE, EASY_PLUS_PLUS }

  public static SchedulerConfig defaults() {
    return new SchedulerConfig(Backfill.EASY, false, PreemptionConfig.defaults(), ScorerWeights.defaults());
  }

  public SchedulerConfig withBackfill(Backfill b) {
    return new SchedulerConfig(b, backfillShortestFirst, preemption, scoring);
  }

  public SchedulerConfig withShortestFirst(boolean s) {
    return new SchedulerConfig(backfill, s, preemption, scoring);
  }

  public SchedulerConfig withPreemption(PreemptionConfig p) {
    return new SchedulerConfig(backfill, backfillShortestFirst, p, scoring);
  }

  public SchedulerConfig withScoring(ScorerWeights s) {
    return new SchedulerConfig(backfill, backfillShortestFirst, preemption, s);
  }
}
