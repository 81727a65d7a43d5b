/**
 * Cluster specs for the simulator: {@code cpus=N}, {@code nodes=N,cpus=C[,memory=4Gi][,gpus=G]}
 * and the topology form {@code zones=Z,racks=R,nodes=N,cpus=C,memory=M}, turned into
 * {@link dev.weft.model.Node}s.
 */
package dev.weft.sim.cluster;
