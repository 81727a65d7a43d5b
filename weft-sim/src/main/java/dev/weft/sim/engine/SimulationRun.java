package dev.weft.sim.engine;

import dev.weft.model.Node;
import dev.weft.model.QueueSpec;
import dev.weft.model.Resources;
import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.Explanation;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.Placement;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.Planner;
import dev.weft.scheduler.api.Preemption;
import dev.weft.scheduler.api.PreemptionMode;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.sim.metrics.ResultSummary;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.workload.SimJob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One simulation, from the first submission to the moment nothing more can happen. Used once. */
final class SimulationRun {
  private final Planner planner;
  private final List<Node> nodes;
  private final QueueSpec queues;
  private final Map<String, SimJob> jobs = new HashMap<>();
  private final Set<String> rejected;
  private final SubmissionFeed feed;
  private final FinishEvents finishes = new FinishEvents();
  private final RunningTasks running;
  private final PendingQueue pending = new PendingQueue();
  private final DependencyGate gate;
  private final RuntimeHistory history = new RuntimeHistory();
  private final TaskLedger ledger = new TaskLedger();
  private final Progress progress;
  private final int toRun;
  private Map<String, Explanation> lastExplanations = Map.of();
  private long nextRunNumber;

  SimulationRun(Planner planner, List<Node> nodes, QueueSpec queues, List<SimJob> workload, Progress progress) {
    this.planner = planner;
    this.progress = progress;
    this.nodes = nodes;
    this.queues = queues;
    for (SimJob job : workload) {
      if (jobs.put(job.id(), job) != null) {
        throw new IllegalArgumentException("two jobs have the id " + job.id());
      }
    }
    workload.forEach(this::checkDependenciesExist);
    this.rejected = UnfittableJobs.find(workload, nodes);
    this.feed = new SubmissionFeed(workload.stream().filter(j -> !rejected.contains(j.id())).toList());
    this.toRun = workload.size() - rejected.size();
    this.running = new RunningTasks(nodes);
    this.gate = new DependencyGate(workload);
  }

  SimResult run() {
    progress.finished(0, toRun);
    long now;
    while ((now = nextEventTime()) >= 0) {
      finishAt(now);
      submitAt(now);
      if (!pending.isEmpty()) {
        apply(planner.plan(view(), pending.list(), now), now);
      }
    }
    return summarize();
  }

  /** The next submission or live finish, or -1 when nothing more will happen. */
  private long nextEventTime() {
    long finish = finishes.nextTime(running::isLive);
    long submit = feed.hasMore() ? feed.nextTime() : -1;
    if (finish < 0 || submit < 0) {
      return Math.max(finish, submit);
    }
    return Math.min(finish, submit);
  }

  private void finishAt(long now) {
    List<String> ended = finishes.takeAt(now, running::isLive);
    for (String taskId : ended) {
      ActiveRun run = running.stop(taskId, "finish");
      SimJob job = jobs.get(taskId);
      ledger.finished(job, run.nodeId(), now);
      history.record(job.spec().user(), job.runtimeMillis());
      gate.finish(taskId).forEach(ready -> pending.arrive(PendingTask.of(ready.spec())));
    }
    if (!ended.isEmpty()) {
      progress.finished(ledger.finishedCount(), toRun);
    }
  }

  private void submitAt(long now) {
    for (SimJob job : feed.takeAt(now)) {
      if (gate.submit(job)) {
        pending.arrive(PendingTask.of(job.spec()));
      }
    }
  }

  private ClusterView view() {
    return new ClusterView(nodes, running.views(), queues, history.snapshot(), gate.graph());
  }

  private void apply(Plan plan, long now) {
    for (Preemption p : plan.preemptions()) {
      preempt(p, now);
    }
    for (Placement p : plan.placements()) {
      place(p, now);
    }
    lastExplanations = plan.explanations();
  }

  private void preempt(Preemption p, long now) {
    ActiveRun run = running.get(p.taskId());
    if (run == null || !run.nodeId().equals(p.nodeId())) {
      throw new IllegalStateException("planner preempted task " + p.taskId() + " on " + p.nodeId()
          + " but it is not running there");
    }
    running.stop(p.taskId(), "preemption");
    RunningTask view = run.view();
    long done = p.mode() == PreemptionMode.SUSPEND ? view.doneMillis() + now - view.startMillis() : 0;
    pending.requeue(new PendingTask(view.spec(), done, run.attempt() + 1));
    ledger.preempted(p.taskId());
  }

  private void place(Placement p, long now) {
    PendingTask task = pending.take(p.taskId());
    if (task == null) {
      throw new IllegalStateException("planner placed task " + p.taskId() + " which is not pending");
    }
    long runNumber = nextRunNumber++;
    running.start(new ActiveRun(new RunningTask(task.spec(), p.nodeId(), now, task.doneMillis()), runNumber,
        task.attempt()));
    ledger.started(task.id(), now);
    long remaining = Math.max(0, jobs.get(task.id()).runtimeMillis() - task.doneMillis());
    finishes.add(now + remaining, runNumber, task.id());
  }

  private void checkDependenciesExist(SimJob job) {
    for (String dep : job.spec().dependsOn()) {
      if (!jobs.containsKey(dep)) {
        throw new IllegalArgumentException("job " + job.id() + " depends on unknown job " + dep);
      }
    }
  }

  private SimResult summarize() {
    List<String> stuck = new ArrayList<>();
    pending.list().forEach(t -> stuck.add(t.id()));
    stuck.addAll(gate.waitingIds());
    Map<String, String> reasons = new LinkedHashMap<>();
    stuck.stream().limit(SimResult.LISTED_IDS).forEach(id -> {
      Explanation e = lastExplanations.get(id);
      reasons.put(id, e != null ? e.message() : "waiting for a dependency that never finished");
    });
    long cpu = nodes.stream().map(Node::capacity).mapToLong(Resources::cpuMillis).sum();
    return new ResultSummary(cpu).summarize(ledger.records(),
        new ResultSummary.Leftovers(List.copyOf(rejected), stuck, reasons, ledger.totalPreemptions()));
  }
}
