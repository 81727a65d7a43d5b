/**
 * Benchmarks of the scheduling core, run with {@code ./weft bench}. {@link dev.weft.bench.BenchCommand}
 * parses the command line and runs JMH; each benchmark builds its cluster and workload from a fixed
 * seed ({@link dev.weft.bench.SyntheticCluster}, {@link dev.weft.bench.SyntheticWorkload}) so two
 * runs measure the same decisions. Never part of {@code ./weft test}.
 */
package dev.weft.bench;
