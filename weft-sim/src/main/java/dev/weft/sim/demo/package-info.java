/**
 * The scheduling demo run by {@code weft demo} until the server exists: a small hierarchical
 * cluster, a two-queue tree and a mixed workload replayed through the real planner.
 */
package dev.weft.sim.demo;
