package dev.weft.server.scheduling;

import dev.weft.model.QueueSpec;
import dev.weft.model.Resources;
import dev.weft.model.Share;
import dev.weft.model.TaskSpec;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.Database;
import dev.weft.store.TaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The queue tree as an operator reads it: each queue's guarantee and max as configured, what its
 * tasks hold now (placed or running), how many wait, and how many are held back until a later time
 * (delayed jobs, retries waiting out their delay). A parent counts its whole subtree. Tasks
 * naming a queue that is not a leaf of the tree are listed apart, so none goes unseen.
 */
public final class QueueUsage {
  /** One queue: its dotted path ({@code root.analytics.etl}), configuration, and counts. */
  public record Line(String path, Share guarantee, Share max, double weight, Resources used, int holding,
                     int pending, int delayed) {}

  /** Every queue in tree order, and the tasks of unknown queues by queue name. */
  public record Report(List<Line> queues, Map<String, Integer> unknownQueues) {}

  private QueueUsage() {
  }

  /** Reads the tree in force and the tasks from the store; pending tasks queued after {@code now} count as delayed. */
  public static Report read(Database db, Instant now) {
    return ofRecords(SpecJson.queues(db.queueTree().current()), db.tasks().holding(Integer.MAX_VALUE),
        db.tasks().withStatus(Set.of(TaskState.PENDING), Integer.MAX_VALUE), now);
  }

  /** As {@link #of}, from the stored records of the tasks holding resources (placed, running, suspended) and pending. */
  static Report ofRecords(QueueSpec tree, List<TaskRecord> holding, List<TaskRecord> pending, Instant now) {
    List<TaskSpec> held = holding.stream() // a suspended task holds all but its CPU
        .map(r -> r.status() == TaskState.SUSPENDED ? SpecJson.withoutCpu(SpecJson.task(r)) : SpecJson.task(r)).toList();
    return of(tree, held, pending.stream().map(SpecJson::task).toList(), now);
  }

  /**
   * Pure: the report for {@code tree} given the tasks holding resources and the tasks waiting;
   * those queued after {@code now} (their submit time) are delayed, not pending.
   */
  public static Report of(QueueSpec tree, List<TaskSpec> holding, List<TaskSpec> pending, Instant now) {
    Map<String, Counts> leaves = new LinkedHashMap<>();
    Map<String, Integer> unknown = new LinkedHashMap<>();
    collectLeaves(tree, tree.name(), leaves);
    for (TaskSpec t : holding) {
      Counts c = leaves.get(t.queue());
      if (c == null) {
        unknown.merge(t.queue(), 1, Integer::sum);
      } else {
        c.used = c.used.plus(t.resources());
        c.holding++;
      }
    }
    for (TaskSpec t : pending) {
      Counts c = leaves.get(t.queue());
      if (c == null) {
        unknown.merge(t.queue(), 1, Integer::sum);
      } else if (t.submitMillis() > now.toEpochMilli()) {
        c.delayed++;
      } else {
        c.pending++;
      }
    }
    List<Line> lines = new ArrayList<>();
    lines(tree, tree.name(), leaves, lines);
    return new Report(lines, unknown);
  }

  private static void collectLeaves(QueueSpec q, String path, Map<String, Counts> leaves) {
    if (q.isLeaf()) {
      leaves.put(path, new Counts());
    }
    q.children().forEach(c -> collectLeaves(c, path + "." + c.name(), leaves));
  }

  /** Adds the line of {@code q} (before its children's) and returns its subtree's counts. */
  private static Counts lines(QueueSpec q, String path, Map<String, Counts> leaves, List<Line> out) {
    int at = out.size();
    out.add(null);
    Counts sum = q.isLeaf() ? leaves.get(path) : new Counts();
    for (QueueSpec c : q.children()) {
      Counts child = lines(c, path + "." + c.name(), leaves, out);
      sum.used = sum.used.plus(child.used);
      sum.holding += child.holding;
      sum.pending += child.pending;
      sum.delayed += child.delayed;
    }
    out.set(at, new Line(path, q.guarantee(), q.max(), q.weight(), sum.used, sum.holding, sum.pending, sum.delayed));
    return sum;
  }

  private static final class Counts {
    Resources used = Resources.ZERO;
    int holding;
    int pending;
    int delayed;
  }
}
