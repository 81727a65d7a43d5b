package dev.weft.sim.engine;

import dev.weft.model.Node;
import dev.weft.model.QueueSpec;
import dev.weft.scheduler.api.Planner;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.workload.SimJob;
import java.util.List;

/**
 * Replays a workload through a {@link Planner} in simulated time (milliseconds).
 *
 * <p>At each distinct event time the simulator first ends the runs that finish then, then submits
 * the jobs that arrive then (a job with dependencies becomes pending once they all finished), then
 * calls {@code plan(view, pending, now)} once, with the pending tasks in arrival order, and applies
 * the plan: preemptions first ({@code SUSPEND} keeps the work done, {@code KILL_AND_REQUEUE} loses
 * it), then placements, each finishing after its remaining actual run time.
 *
 * <p>Jobs that fit no node are rejected before the run (with the jobs that depend on them). The
 * run ends when nothing is pending or running; tasks still pending when nothing runs and nothing
 * more will arrive are reported as stuck. A plan that places an unknown task, overfills a node or
 * preempts a task that is not running is a planner bug: {@link IllegalStateException}.
 *
 * <p>One simulator may run several workloads, one at a time; runs share no state.
 */
public final class Simulator {
  private final Planner planner;
  private final List<Node> nodes;
  private final QueueSpec queues;

  public Simulator(Planner planner, List<Node> nodes, QueueSpec queues) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a simulation needs at least one node");
    }
    this.planner = planner;
    this.nodes = List.copyOf(nodes);
    this.queues = queues;
  }

  /**
   * Runs the jobs to completion.
   *
   * @throws IllegalArgumentException when two jobs share an id
   * @throws IllegalStateException when the planner returns an impossible plan
   */
  public SimResult run(List<SimJob> jobs) {
    return run(jobs, Progress.NONE);
  }

  /**
   * Runs the jobs to completion, telling {@code progress} how many have finished as they do.
   *
   * @throws IllegalArgumentException when two jobs share an id
   * @throws IllegalStateException when the planner returns an impossible plan
   */
  public SimResult run(List<SimJob> jobs, Progress progress) {
    return new SimulationRun(planner, nodes, queues, jobs, progress).run();
  }
}
