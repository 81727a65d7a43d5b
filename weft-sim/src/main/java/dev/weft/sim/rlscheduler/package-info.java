/**
 * The evaluation protocol of RLScheduler (Zhang et al., SC'20) and two engines to run it: the
 * paper's own simulator rules ({@link dev.weft.sim.rlscheduler.PaperEngine}, which reproduces its
 * published heuristic numbers) and Weft's planner on the same sequences and machine
 * ({@link dev.weft.sim.rlscheduler.WeftEngine}). {@link dev.weft.sim.rlscheduler.ProtocolTrace}
 * reads a trace by the paper's rules, {@link dev.weft.sim.rlscheduler.RlSchedulerProtocol} cuts
 * the ten sequences and averages the figures.
 */
package dev.weft.sim.rlscheduler;
