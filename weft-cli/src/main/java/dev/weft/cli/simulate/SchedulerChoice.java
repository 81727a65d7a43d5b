package dev.weft.cli.simulate;

import dev.weft.scheduler.api.SchedulerConfig;

/** The scheduler options of one {@code simulate} call, and the core configuration they stand for. */
record SchedulerChoice(BackfillChoice backfill, BackfillOrder order, PreemptionChoice preemption,
                       PreemptionModeChoice mode) {
  SchedulerConfig config() {
    return SchedulerConfig.defaults()
        .withBackfill(backfill.backfill())
        .withShortestFirst(order == BackfillOrder.SHORTEST)
        .withPreemption(preemption.config(mode.mode()));
  }
}
