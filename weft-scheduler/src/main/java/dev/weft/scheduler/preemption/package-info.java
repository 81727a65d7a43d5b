/**
 * Preemption: which running tasks stop so a pending one can start. Three reasons, tried in this
 * order: priority (victims lower by a configurable gap), shortest remaining time first (within an
 * {@code srtf} queue), and reclaiming a queue's guarantee from queues that borrowed beyond theirs
 * (with a dead zone and a cap per round). {@link dev.weft.scheduler.preemption.VictimSearch}
 * finds the node needing the fewest and least valuable victims.
 */
package dev.weft.scheduler.preemption;
