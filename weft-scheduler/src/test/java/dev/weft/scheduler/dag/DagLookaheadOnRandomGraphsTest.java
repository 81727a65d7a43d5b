package dev.weft.scheduler.dag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.api.TaskGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the lookahead on seeded random graphs (a failing seed replays): its plan never
 * starts a task before its predecessors end, before now or before a running predecessor's
 * expected end, never holds more CPU than the cluster has, and never ends later than plain list
 * scheduling by upward rank, which it starts from. Graphs mix zero run times, tasks bigger than
 * one CPU, running tasks with successors and tasks of unknown end.
 */
class DagLookaheadOnRandomGraphsTest {
  private static final long NOW = 1_000;

  static IntStream seeds() {
    return IntStream.rangeClosed(1, 300);
  }

  @ParameterizedTest(name = "random graph #{0}: a valid plan, never longer than upward-rank list scheduling")
  @MethodSource("seeds")
  void the_plan_is_valid_and_never_longer_than_upward_rank_list_scheduling(int seed) {
    LookaheadInput in = randomInput(new Random(seed));
    LookaheadProblem p = new LookaheadProblem(in);
    LookaheadPlan plan = DagLookahead.plan(in);
    long[] start = new long[p.size()];
    for (int t = 0; t < p.size(); t++) {
      start[t] = plan.starts().get(p.ids.get(t));
    }

    assertThat(violations(p, start)).isEmpty();
    assertThat(plan.makespanMillis()).isEqualTo(Justification.makespan(p, start))
        .isLessThanOrEqualTo(Justification.makespan(p, GreedyListSchedule.of(p, LookaheadRule.UPWARD_RANK.positions(p))));
    assertThat(plan.readyOrder()).containsExactlyInAnyOrderElementsOf(in.ready().stream()
        .map(LookaheadInput.Ready::taskId).toList());
  }

  private static List<String> violations(LookaheadProblem p, long[] start) {
    List<String> out = new ArrayList<>();
    CapacityProfile check = p.backgroundProfile();
    for (int t = 0; t < p.size(); t++) {
      if (start[t] < p.releasedAt[t]) {
        out.add(p.ids.get(t) + " starts at " + start[t] + " before its release " + p.releasedAt[t]);
      }
      for (int q : p.predecessors[t]) {
        if (start[t] < start[q] + p.duration[q]) {
          out.add(p.ids.get(t) + " starts before its predecessor " + p.ids.get(q) + " ends");
        }
      }
      if (p.duration[t] > 0 && check.earliestStart(start[t], p.duration[t], p.demand[t]) != start[t]) {
        out.add(p.ids.get(t) + " at " + start[t] + " overfills the cluster");
      }
      check.hold(start[t], start[t] + p.duration[t], p.demand[t]);
    }
    return out;
  }

  private static LookaheadInput randomInput(Random random) {
    int tasks = 1 + random.nextInt(30);
    long capacity = 1000L * (1 + random.nextInt(4));
    Map<String, List<String>> successors = new TreeMap<>();
    Map<String, Long> estimates = new HashMap<>();
    Map<String, Long> cpu = new HashMap<>();
    List<Integer> parents = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      String id = "t" + t;
      estimates.put(id, random.nextInt(5) == 0 ? 0L : 1 + random.nextInt(50));
      cpu.put(id, 500L * (1 + random.nextInt(4)));
      List<String> next = new ArrayList<>();
      for (int s = t + 1; s < tasks; s++) {
        if (random.nextInt(5) == 0) {
          next.add("t" + s);
        }
      }
      successors.put(id, next);
      next.forEach(s -> parents.add(Integer.parseInt(s.substring(1))));
    }
    List<LookaheadInput.Ready> ready = new ArrayList<>();
    List<LookaheadInput.Running> running = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      String id = "t" + t;
      if (parents.contains(t)) {
        continue;
      }
      if (random.nextInt(4) == 0) {
        long end = random.nextInt(6) == 0 ? LookaheadInput.NEVER : NOW + 1 + random.nextInt(30);
        running.add(new LookaheadInput.Running(id, end, Math.min(cpu.get(id), capacity)));
      } else {
        ready.add(new LookaheadInput.Ready(id, estimates.get(id), cpu.get(id)));
      }
    }
    if (random.nextBoolean()) {
      running.add(new LookaheadInput.Running("other-job", NOW + random.nextInt(40), 500));
    }
    return new LookaheadInput(new TaskGraph(successors, estimates, cpu), ready, running, capacity, NOW);
  }
}
