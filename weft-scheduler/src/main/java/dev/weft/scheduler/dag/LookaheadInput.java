package dev.weft.scheduler.dag;

import dev.weft.scheduler.api.TaskGraph;
import java.util.List;

/**
 * What the lookahead plans from: the unfinished DAG tasks, the tasks that could start now, what
 * is running, and the cluster's CPU, all at {@code nowMillis}.
 *
 * @param graph successors, estimates and CPU of the unfinished DAG tasks (running ones included)
 * @param ready the tasks that could start now (DAG or not), with what is left of their run, in
 *     arrival order: ties in the plan keep it
 * @param running every running task (DAG or not): its CPU is taken until its expected end, and
 *     its successors in the graph wait for that end
 * @param capacityMillis the CPU of the whole cluster, in millicores
 */
public record LookaheadInput(TaskGraph graph, List<Ready> ready, List<Running> running, long capacityMillis,
                             long nowMillis) {
  /** A task that could start now: it runs {@code durationMillis} on {@code cpuMillis}. */
  public record Ready(String taskId, long durationMillis, long cpuMillis) {}

  /** A running task, expected to end at {@code endMillis} ({@link #NEVER} when unknown). */
  public record Running(String taskId, long endMillis, long cpuMillis) {}

  /** The end of a task whose run time is unknown: far enough never to be reached, small enough to add to. */
  public static final long NEVER = Long.MAX_VALUE / 4;

  public LookaheadInput {
    ready = List.copyOf(ready);
    running = List.copyOf(running);
  }
}
