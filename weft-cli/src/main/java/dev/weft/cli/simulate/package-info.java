/**
 * {@code weft simulate}: reads a workload, builds the cluster, queue tree and scheduler
 * configuration the options ask for, replays the workload through the real planner and reports
 * the figures as a table or one JSON object.
 */
package dev.weft.cli.simulate;
