/**
 * The trace-driven simulator: workload readers, cluster specs, a discrete-event engine that
 * drives any {@link dev.weft.scheduler.api.Planner} with simulated time, and the metrics of a run.
 * See the module README for what flows in and out.
 */
package dev.weft.sim;
