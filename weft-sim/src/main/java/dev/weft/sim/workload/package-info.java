/**
 * Workload readers: Standard Workload Format traces (plain or gzip), the Weft CSV format and the
 * pyss backfilling scenarios. Each produces a {@link dev.weft.sim.workload.Workload} of
 * {@link dev.weft.sim.workload.SimJob}s; every error is a one-line
 * {@link dev.weft.sim.workload.WorkloadException} naming the file and line.
 */
package dev.weft.sim.workload;
