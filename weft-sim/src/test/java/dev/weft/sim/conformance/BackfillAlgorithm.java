package dev.weft.sim.conformance;

import dev.weft.scheduler.api.PreemptionConfig;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.scheduler.api.SchedulerConfig.Backfill;

/** The schedulers the pyss scenarios are written for, as Weft configurations without preemption. */
enum BackfillAlgorithm {
  FCFS(Backfill.NONE, false), EASY(Backfill.EASY, false), CONSERVATIVE(Backfill.CONSERVATIVE, false),
  EASY_SJBF(Backfill.EASY, true), EASY_PLUS_PLUS(Backfill.EASY_PLUS_PLUS, false);

  private final Backfill backfill;
  private final boolean shortestFirst;

  BackfillAlgorithm(Backfill backfill, boolean shortestFirst) {
    this.backfill = backfill;
    this.shortestFirst = shortestFirst;
  }

  SchedulerConfig config() {
    return SchedulerConfig.defaults().withBackfill(backfill).withShortestFirst(shortestFirst)
        .withPreemption(PreemptionConfig.none());
  }
}
