package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.AffinityRule;
import dev.weft.model.LabelConstraint;
import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.Taint;
import dev.weft.model.TaskSpec;
import dev.weft.model.TopologyLevel;
import dev.weft.scheduler.api.Explanation;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.Placement;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.Preemption;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.queue.QueueNode;
import dev.weft.scheduler.queue.QueueTree;
import dev.weft.scheduler.resources.ResourceSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What every plan must satisfy, whatever the cluster, queues, tasks and configuration
 * ({@link Scenarios} describes what is generated). Named {@code *Test} so that Surefire's
 * default includes pick it up.
 */
class PlanInvariantsPropertiesTest {
  private static final int TRIES = 200;

  @Provide
  Arbitrary<Scenario> rounds() {
    return Scenarios.any();
  }

  @Provide
  Arbitrary<StarvedQueueCases.Case> starved() {
    return StarvedQueueCases.any();
  }

  @Property(tries = TRIES)
  void noNodeIsOvercommittedInAnyResourceOnceThePlanIsApplied(@ForAll("rounds") Scenario s) {
    AfterPlan after = new AfterPlan(s, s.plan());
    for (Node n : s.nodes()) {
      Resources used = after.usedOn(n.id());
      assertThat(used.fitsIn(n.capacity())).as("%s holds %s of %s", n.id(), used, n.capacity()).isTrue();
    }
  }

  @Property(tries = TRIES)
  void noTaskIsPlacedWhereItsConstraintsTaintsOrAntiAffinityForbid(@ForAll("rounds") Scenario s) {
    Plan plan = s.plan();
    AfterPlan after = new AfterPlan(s, plan);
    Map<String, PendingTask> pending = AfterPlan.byId(s.pending());
    for (Placement p : plan.placements()) {
      TaskSpec t = pending.get(p.taskId()).spec();
      Node n = after.node(p.nodeId());
      for (LabelConstraint c : t.constraints()) {
        assertThat(c.matches(n.labels())).as("%s on %s %s: %s", t.id(), n.id(), n.labels(), c).isTrue();
      }
      for (Taint taint : n.taints()) {
        if (taint.effect() == Taint.Effect.NO_SCHEDULE) {
          assertThat(t.tolerations()).as("%s on %s tolerates %s", t.id(), n.id(), taint)
              .anyMatch(tol -> tol.tolerates(taint));
        }
      }
      for (AffinityRule r : t.affinity()) {
        if (refuses(r)) {
          assertThat(after.othersNear(n.id(), r.level(), t.id()))
              .as("%s on %s has anti-affinity %s", t.id(), n.id(), r)
              .noneMatch(other -> r.selects(other.labels()));
        }
      }
      for (TopologyLevel level : TopologyLevel.values()) {
        for (TaskSpec other : after.othersNear(n.id(), level, t.id())) {
          assertThat(other.affinity()).as("%s on %s is refused by %s in the same %s", t.id(), n.id(), other.id(), level)
              .noneMatch(r -> refuses(r) && r.level() == level && r.selects(t.labels()));
        }
      }
    }
  }

  private static boolean refuses(AffinityRule r) {
    return r.required() && r.kind() == AffinityRule.Kind.ANTI_AFFINITY;
  }

  @Property(tries = TRIES)
  void aLeafBelowItsGuaranteeIsServedBeforeASiblingAboveIts(@ForAll("starved") StarvedQueueCases.Case c) {
    Plan plan = c.scenario().plan();
    long placedA = Fixtures.placedIn(plan, "a");
    long placedB = Fixtures.placedIn(plan, "b");

    assertThat(placedA + placedB).as("identical tasks fill every free slot")
        .isEqualTo(Math.min(c.freeSlots(), c.pendingA() + c.pendingB()));
    assertThat(placedA).as("root.a gets what it is owed first")
        .isGreaterThanOrEqualTo(Math.min(c.pendingA(), Math.min(c.freeSlots(), c.owedToA())));
    if (placedB > 0) {
      assertThat(placedA == c.pendingA() || placedA >= c.owedToA())
          .as("root.b was served while root.a, still below its guarantee, waited").isTrue();
    }
  }

  @Property(tries = TRIES)
  void theSameInputGivesTheSamePlan(@ForAll("rounds") Scenario s, @ForAll long shuffleSeed) {
    Plan first = s.plan();
    assertThat(s.plan()).as("planned twice").isEqualTo(first);
    assertThat(s.freshCopy().plan()).as("planned from a fresh copy").isEqualTo(first);
    List<Node> nodes = new ArrayList<>(s.nodes());
    List<RunningTask> running = new ArrayList<>(s.running());
    Collections.shuffle(nodes, new Random(shuffleSeed));
    Collections.shuffle(running, new Random(shuffleSeed));
    assertThat(s.reordered(nodes, running).plan()).as("nodes and running tasks listed in another order")
        .isEqualTo(first);
  }

  @Property(tries = TRIES)
  void everyPendingTaskIsPlacedOrExplainedAndOnlyRunningTasksArePreempted(@ForAll("rounds") Scenario s) {
    Plan plan = s.plan();
    Set<String> placed = AfterPlan.placedIds(plan);
    assertThat(plan.placements()).as("no task is placed twice").hasSize(placed.size());
    assertThat(placed).as("only pending tasks are placed").isSubsetOf(AfterPlan.byId(s.pending()).keySet());
    for (PendingTask t : s.pending()) {
      if (placed.contains(t.id())) {
        assertThat(plan.explain(t.id())).as("placed %s has no explanation", t.id()).isEmpty();
      } else {
        assertThat(plan.explain(t.id())).as("why %s waits", t.id()).isPresent()
            .hasValueSatisfying(e -> assertThat(e.message()).isNotBlank());
      }
    }
    Map<String, String> runningOn = new HashMap<>();
    s.running().forEach(r -> runningOn.put(r.spec().id(), r.nodeId()));
    Set<String> preempted = new HashSet<>();
    for (Preemption p : plan.preemptions()) {
      assertThat(runningOn).as("%s was running where it is preempted", p.taskId())
          .containsEntry(p.taskId(), p.nodeId());
      assertThat(preempted.add(p.taskId())).as("%s preempted once", p.taskId()).isTrue();
      assertThat(placed).as("preempted for a task that is placed").contains(p.forTaskId());
      assertThat(p.mode()).isEqualTo(s.config().preemption().mode());
    }
    assertThat(Collections.disjoint(placed, preempted)).as("nothing is both placed and preempted").isTrue();
  }

  @Property(tries = TRIES)
  void explanationsThatCountNodesCountEveryNodeOnceAndNeverAFeasibleOne(@ForAll("rounds") Scenario s) {
    for (Explanation e : s.plan().explanations().values()) {
      if (!e.nodeRejections().isEmpty()) {
        assertThat(e.nodeRejections().values().stream().mapToInt(Integer::intValue).sum())
            .as(e.message()).isEqualTo(s.nodes().size());
        assertThat(e.nodeRejections()).as(e.taskId() + ": " + e.message()).doesNotContainKey("feasible");
      }
    }
  }

  @Property(tries = TRIES)
  void theMembersOfAGangArePlacedAllOrNone(@ForAll("rounds") Scenario s) {
    Set<String> placed = AfterPlan.placedIds(s.plan());
    Map<String, List<String>> gangs = new HashMap<>();
    s.pending().stream().filter(t -> t.spec().gang() != null)
        .forEach(t -> gangs.computeIfAbsent(t.spec().gang(), k -> new ArrayList<>()).add(t.id()));
    gangs.forEach((gang, members) -> {
      long n = members.stream().filter(placed::contains).count();
      assertThat(n == 0 || n == members.size()).as("gang %s: %d of %s placed", gang, n, members).isTrue();
    });
  }

  @Property(tries = TRIES)
  void aPlacedTaskNeverTakesItsQueuesOrItsUserPastTheirMaximum(@ForAll("rounds") Scenario s) {
    Plan plan = s.plan();
    AfterPlan after = new AfterPlan(s, plan);
    ResourceSpace space = spaceOf(s);
    QueueTree tree = new QueueTree(s.queues(), total(s), space);
    Map<String, QueueNode> byPath = new HashMap<>();
    tree.all().forEach(q -> byPath.put(q.path(), q));
    Map<String, PendingTask> pending = AfterPlan.byId(s.pending());
    for (Placement p : plan.placements()) {
      TaskSpec t = pending.get(p.taskId()).spec();
      long[] need = space.vector(t.resources());
      for (String path = t.queue(); path != null; path = parentOf(path)) {
        long[] used = space.vector(after.usedByQueue(path));
        assertWithin(need, used, byPath.get(path).max(), space, t.id() + " keeps queue " + path + " within its max");
      }
      long[] byUser = space.vector(after.usedByUser(t.queue(), t.user()));
      long[] limit = space.vector(userLimit(byPath.get(t.queue())));
      assertWithin(need, byUser, limit, space, t.id() + " keeps " + t.user() + " within the per-user limit");
    }
  }

  /** The per-user limit of a leaf, resolved as {@link QueueTree} does: a share of the leaf's max. */
  private static Resources userLimit(QueueNode leaf) {
    long[] max = leaf.max();
    Resources m = new Resources(max[0], max[1], max[2], max[3], Map.of());
    return leaf.spec().perUserLimit().resolve(m);
  }

  private static void assertWithin(long[] need, long[] used, long[] max, ResourceSpace space, String what) {
    for (int d = 0; d < need.length; d++) {
      if (need[d] > 0) {
        assertThat(used[d]).as("%s (%s: %d > %d)", what, space.name(d), used[d], max[d]).isLessThanOrEqualTo(max[d]);
      }
    }
  }

  private static String parentOf(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? null : path.substring(0, dot);
  }

  private static ResourceSpace spaceOf(Scenario s) {
    List<Resources> seen = new ArrayList<>();
    s.nodes().forEach(n -> seen.add(n.capacity()));
    s.running().forEach(r -> seen.add(r.spec().resources()));
    s.pending().forEach(p -> seen.add(p.spec().resources()));
    return ResourceSpace.of(seen);
  }

  private static Resources total(Scenario s) {
    Resources t = Resources.ZERO;
    for (Node n : s.nodes()) {
      t = t.plus(n.capacity());
    }
    return t;
  }
}
