/**
 * What a simulation measured: one {@link dev.weft.sim.metrics.TaskRecord} per finished task and
 * the figures of a {@link dev.weft.sim.metrics.SimResult} (waits, turnaround, bounded slowdown,
 * makespan, utilization), overall and per queue. All figures are in seconds.
 */
package dev.weft.sim.metrics;
