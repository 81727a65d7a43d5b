package dev.weft.sim.metrics;

/** The figures of the tasks of one queue, in seconds. */
public record QueueMetrics(int jobs, double avgWait, double avgTurnaround, double avgBoundedSlowdown) {}
