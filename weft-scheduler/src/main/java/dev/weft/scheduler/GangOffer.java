package dev.weft.scheduler;

import dev.weft.model.TaskSpec;
import dev.weft.scheduler.placement.PlacementRequest;
import dev.weft.scheduler.queue.QueueNode;
import dev.weft.scheduler.queue.Queued;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All-or-nothing placement of a gang: when its first member is offered, every pending member of
 * the gang in the same leaf is placed in turn, each within the queue's max and per-user limit
 * counting the members before it; if the gang is incomplete, one member does not fit or would
 * pass a limit, every placement of the gang is undone and each member is told why (the node
 * rejections are counted before the undo, while the earlier members still hold their nodes).
 */
final class GangOffer {
  private final Round round;
  private final Set<String> handled;

  GangOffer(Round round, Set<String> handled) {
    this.round = round;
    this.handled = handled;
  }

  void offer(QueueNode leaf, Queued first, boolean backfilled) {
    TaskSpec head = first.task().spec();
    List<Queued> members = new ArrayList<>();
    members.add(first);
    for (Queued q : leaf.tasks().remaining()) {
      if (head.gang().equals(q.task().spec().gang()) && !q.id().equals(first.id())) {
        members.add(q);
      }
    }
    members.forEach(m -> handled.add(m.id()));
    if (members.size() < head.gangSize()) {
      explainAll(members, "gang " + head.gang() + " is incomplete: " + members.size() + " of " + head.gangSize()
          + " members pending", Map.of());
      return;
    }
    List<int[]> placed = new ArrayList<>();
    for (Queued m : members) {
      TaskSpec t = m.task().spec();
      String limit = limitReached(leaf, t);
      if (limit != null) {
        undo(members, placed, leaf);
        explainAll(members, "gang " + head.gang() + " as a whole would take " + limit, Map.of());
        return;
      }
      PlacementRequest r = new PlacementRequest(t, round.need(t), round.now, m.remainingMillis());
      int node = round.placer.place(r);
      if (node < 0) {
        Map<String, Integer> why = round.placer.explain(r);
        undo(members, placed, leaf);
        explainAll(members, "gang " + head.gang() + " does not fit as a whole (member " + t.id() + " has no node)",
            why);
        return;
      }
      round.place(t, leaf, node, m.remainingMillis(), backfilled);
      placed.add(new int[] {members.indexOf(m), node});
    }
  }

  /** The limit one more member would pass, counting the members placed before it, or null. */
  private String limitReached(QueueNode leaf, TaskSpec t) {
    String over = round.queues.overMax(leaf, round.need(t));
    if (over != null) {
      return "queue " + over + " past its maximum share";
    }
    if (round.queues.overUserLimit(leaf, t.user(), round.need(t))) {
      return "user " + t.user() + " past the per-user limit of queue " + leaf.path();
    }
    return null;
  }

  private void undo(List<Queued> members, List<int[]> placed, QueueNode leaf) {
    for (int[] p : placed) {
      round.unplace(members.get(p[0]).task().spec(), leaf, p[1]);
    }
  }

  private void explainAll(List<Queued> members, String why, Map<String, Integer> nodes) {
    for (Queued m : members) {
      round.explain(m.id(), why, nodes);
    }
  }
}
