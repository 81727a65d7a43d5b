/**
 * Reports of simulation runs, built from {@link dev.weft.sim.metrics.SimResult}s with the writer of
 * {@link dev.weft.sim.report}: {@link dev.weft.sim.report.runs.SimulationReport} for one run,
 * {@link dev.weft.sim.report.runs.ComparisonReport} for several runs of one workload, and the
 * parts they are made of (figures tables, wait distributions, utilisation over time, Gantt charts
 * of the tasks) for reports that need other arrangements.
 */
package dev.weft.sim.report.runs;
