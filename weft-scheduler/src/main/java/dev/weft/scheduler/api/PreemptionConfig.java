package dev.weft.scheduler.api;

/**
 * When the core may stop running tasks.
 *
 * @param byPriority a pending task may preempt preemptible tasks whose priority is lower by at
 *     least {@code priorityGap}
 * @param bySrtf in an {@code srtf} queue, a task with a shorter remaining time preempts a longer one
 * @param reclaimGuarantee a queue below its guarantee takes capacity back from queues above theirs
 * @param deadZone reclaim only when the starved queue is below {@code (1 - deadZone)} of its guarantee
 *     and a victim queue is above {@code (1 + deadZone)} of its own (YARN's dead zone)
 * @param maxPerRound guarantee reclaim stops for the round once this fraction of the cluster (dominant
 *     share) has been preempted; the reclaim that crosses the line completes, so a starved task larger
 *     than the cap can still be served
 */
public record PreemptionConfig(boolean byPriority, int priorityGap, boolean bySrtf, boolean reclaimGuarantee,
                               double deadZone, double maxPerRound, PreemptionMode mode) {
  public static PreemptionConfig defaults() {
    return new PreemptionConfig(true, 10, true, true, 0.1, 0.1, PreemptionMode.KILL_AND_REQUEUE);
  }

  public static PreemptionConfig none() {
    return new PreemptionConfig(false, 10, false, false, 0.1, 0.1, PreemptionMode.KILL_AND_REQUEUE);
  }

  public PreemptionConfig withMode(PreemptionMode m) {
    return new PreemptionConfig(byPriority, priorityGap, bySrtf, reclaimGuarantee, deadZone, maxPerRound, m);
  }
}
