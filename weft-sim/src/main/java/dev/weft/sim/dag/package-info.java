/**
 * Figures for replaying DAG workloads (WfFormat workflow instances, CSV jobs with {@code deps}):
 * the critical path and total work of the graph, the makespan lower bound they give on a cluster
 * ({@link dev.weft.sim.dag.DagBounds}), and the tight cluster on which neither bound dominates
 * ({@link dev.weft.sim.dag.TightCluster}).
 */
package dev.weft.sim.dag;
