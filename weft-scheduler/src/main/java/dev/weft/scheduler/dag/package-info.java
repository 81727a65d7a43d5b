/**
 * Static list scheduling of task graphs (DAGs): HEFT and CPOP for heterogeneous processors, and
 * the upward ranks behind the {@code critical-path} queue policy. Pure: no I/O, threads or clock;
 * the same graph always gives the same schedule.
 *
 * <p>What flows in: a {@link dev.weft.scheduler.dag.HeterogeneousDag} (run time of each task on
 * each processor, data volume of each edge, bandwidth between processors), validated on
 * construction; or, for ranks only, a {@link dev.weft.scheduler.api.TaskGraph} of estimates.
 * What flows out: a {@link dev.weft.scheduler.dag.DagSchedule} (processor, start and finish of
 * each task, the makespan, the priorities used), or a map of ranks by task id.
 *
 * <p>Glossary.
 * <dl>
 *   <dt>upward rank</dt>
 *   <dd>The length of the longest path from the start of a task to the end of the graph, counting
 *       each task at its mean run time over the processors and each edge at its data volume over
 *       the mean bandwidth. A task with a larger upward rank has more work after it, so HEFT
 *       schedules it first. The downward rank is the same measured from the start of the graph to
 *       the start of the task.</dd>
 *   <dt>EFT (earliest finish time)</dt>
 *   <dd>When a task would finish on a given processor: it may start once the processor is free
 *       and every predecessor's output has arrived (instantly from the same processor, after
 *       data / bandwidth from another).</dd>
 *   <dt>insertion policy</dt>
 *   <dd>A task may go into an idle gap between two tasks already placed on a processor, when the
 *       gap opens after the task is ready and is long enough, instead of only after the last one.</dd>
 *   <dt>critical path, critical-path processor</dt>
 *   <dd>In CPOP, a longest path of the graph (tasks whose upward plus downward rank equals the
 *       entry task's). All its tasks go to the critical-path processor: the one on which their
 *       run times sum to the least.</dd>
 * </dl>
 *
 * <p>Reference: H. Topcuoglu, S. Hariri, M.-Y. Wu, "Performance-effective and low-complexity task
 * scheduling for heterogeneous computing", IEEE TPDS 13(3), 2002. Its Fig. 2 graph, in
 * {@code shared/data/dag}, gives makespan 80 with HEFT and 86 with CPOP; the tests check both.
 */
package dev.weft.scheduler.dag;
