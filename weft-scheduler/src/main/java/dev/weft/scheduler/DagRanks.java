package dev.weft.scheduler;

import dev.weft.model.Node;
import dev.weft.model.PolicyName;
import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.backfill.RuntimeEstimates;
import dev.weft.scheduler.dag.DagLookahead;
import dev.weft.scheduler.dag.LookaheadInput;
import dev.weft.scheduler.dag.UpwardRanks;
import dev.weft.scheduler.queue.QueueNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DAG rank of each pending task, higher offered first: the upward rank over the graph, or
 * for tasks in {@code dag-lookahead} leaves their place in the {@link DagLookahead} plan. A task
 * absent from both ranks as its own remaining estimate (0 when unknown).
 *
 * <p>The lookahead only runs when it decides something: when some, but not all, of its leaves'
 * pending tasks can start now (by CPU), and the graph is at most {@link #LOOKAHEAD_LIMIT} tasks.
 * Otherwise those leaves fall back to upward ranks, which order the same tasks nearly alike.
 */
final class DagRanks {
  /** Above this many tasks to plan the lookahead would cost too much per round; upward ranks are used. */
  static final int LOOKAHEAD_LIMIT = 1_000;

  private DagRanks() {}

  static Map<String, Double> of(Round round, ClusterView view, List<PendingTask> pending) {
    List<PendingTask> lookahead = pending.stream().filter(p -> usesLookahead(round, p)).toList();
    boolean planned = worthPlanning(view, lookahead);
    Map<String, Double> ranks = new HashMap<>();
    if (!view.graph().successors().isEmpty() && !(planned && lookahead.size() == pending.size())) {
      ranks.putAll(UpwardRanks.of(view.graph()));
    }
    if (planned) {
      ranks.putAll(DagLookahead.ranks(DagLookahead.plan(input(round, view, lookahead))));
    }
    return ranks;
  }

  private static boolean usesLookahead(Round round, PendingTask p) {
    QueueNode leaf = round.queues.leaf(p.spec().queue());
    return leaf != null && leaf.spec().policy() == PolicyName.DAG_LOOKAHEAD;
  }

  private static boolean worthPlanning(ClusterView view, List<PendingTask> lookahead) {
    if (lookahead.size() < 2 || view.graph().estimates().size() + lookahead.size() > LOOKAHEAD_LIMIT) {
      return false;
    }
    long free = capacity(view) - view.running().stream().mapToLong(r -> r.spec().resources().cpuMillis()).sum();
    long smallest = lookahead.stream().mapToLong(p -> p.spec().resources().cpuMillis()).min().orElse(0);
    long all = lookahead.stream().mapToLong(p -> p.spec().resources().cpuMillis()).sum();
    return free >= smallest && free < all;
  }

  private static LookaheadInput input(Round round, ClusterView view, List<PendingTask> lookahead) {
    List<LookaheadInput.Ready> ready = new ArrayList<>();
    for (PendingTask p : lookahead) {
      long remaining = round.estimates.remaining(p);
      ready.add(new LookaheadInput.Ready(p.id(), remaining == RuntimeEstimates.UNKNOWN ? 0 : remaining,
          p.spec().resources().cpuMillis()));
    }
    List<LookaheadInput.Running> running = new ArrayList<>();
    for (RunningTask r : view.running()) {
      long end = round.estimates.expectedEnd(r, round.now);
      running.add(new LookaheadInput.Running(r.spec().id(), end == RuntimeEstimates.UNKNOWN ? LookaheadInput.NEVER : end,
          r.spec().resources().cpuMillis()));
    }
    return new LookaheadInput(view.graph(), ready, running, capacity(view), round.now);
  }

  private static long capacity(ClusterView view) {
    return view.nodes().stream().map(Node::capacity).mapToLong(c -> c.cpuMillis()).sum();
  }
}
