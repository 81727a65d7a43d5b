/**
 * Workload readers: Standard Workload Format traces (plain or gzip), the Weft CSV format, the
 * pyss backfilling scenarios, WfCommons workflow instances (WfFormat 1.4 to 1.6 JSON) and the
 * Alibaba openb GPU pod lists (and their node lists). Each workload reader produces a
 * {@link dev.weft.sim.workload.Workload} of {@link dev.weft.sim.workload.SimJob}s; every error is a
 * one-line {@link dev.weft.sim.workload.WorkloadException} naming the file and line (and, for
 * JSON, the JSON pointer of the value).
 */
package dev.weft.sim.workload;
