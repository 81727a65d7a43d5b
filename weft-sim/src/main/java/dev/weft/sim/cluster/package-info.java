/**
 * Cluster specs for the simulator: {@code cpus=N}, {@code nodes=N,cpus=C[,memory=4Gi][,gpus=G]},
 * the topology form {@code zones=Z,racks=R,nodes=N,cpus=C,memory=M}, and YAML/JSON cluster files,
 * turned into {@link dev.weft.model.Node}s.
 */
package dev.weft.sim.cluster;
