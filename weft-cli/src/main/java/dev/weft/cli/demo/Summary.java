package dev.weft.cli.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's summary, from the task stories alone: a table of tasks (where each ran, waits, run
 * times, attempts, preemptions), waits per queue, the preemptions and backfills the records show.
 * Times are seconds after {@code start}. Pure: the same stories give the same text.
 */
final class Summary {
  private Summary() {}

  static String render(List<TaskStory> stories, Map<String, String> topology, List<Backfill> backfills, Instant start) {
    StringBuilder b = new StringBuilder();
    b.append(table(stories, topology)).append('\n');
    b.append("Waits per queue (submitted -> first start):\n");
    waits(stories).forEach((queue, w) -> b.append(String.format(Locale.ROOT, "  %-11s %2d tasks  mean %s  max %s%n",
        queue, w.size(), seconds(mean(w)), seconds(w.stream().mapToLong(Long::longValue).max().orElse(0)))));
    List<String> preemptions = preemptions(stories, start);
    b.append('\n').append("Preemptions observed: ").append(preemptions.size()).append('\n');
    preemptions.forEach(p -> b.append("  ").append(p).append('\n'));
    b.append("Backfills observed: ").append(backfills.size()).append('\n');
    for (Backfill f : backfills) {
      b.append("  ").append(f.task()).append(" started on ").append(f.node()).append(" at ").append(at(f.at(), start))
          .append(" while ").append(f.ahead()).append(" (ahead of it in ").append(f.order()).append(") waited from ")
          .append(at(f.aheadSubmitted(), start)).append(" to ").append(at(f.aheadPlaced(), start)).append('\n');
    }
    return b.toString();
  }

  private static String table(List<TaskStory> stories, Map<String, String> topology) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"TASK", "QUEUE", "PRIO", "PROFILE", "CPU", "NODE (TOPOLOGY)", "WAIT", "RAN", "ATTEMPTS",
        "PREEMPTED", "STATE"});
    for (TaskStory t : stories) {
      Attempt last = t.last();
      String node = last == null || last.node() == null ? "-" : last.node() + " (" + topology.getOrDefault(last.node(), "?")
          + ")";
      Instant first = t.firstStart();
      String wait = first == null || t.submittedAt() == null ? "-" : seconds(Duration.between(t.submittedAt(), first).toMillis());
      String ran = last == null || last.startedAt() == null || last.finishedAt() == null ? "-"
          : seconds(Duration.between(last.startedAt(), last.finishedAt()).toMillis());
      String preempted = t.preemptions() == 0 ? "-" : t.attempts().stream().filter(Attempt::preempted)
          .map(a -> "on " + (a.node() == null ? "?" : a.node()) + " for " + a.preemptedFor()).reduce((x, y) -> x + "; " + y)
          .orElseThrow();
      rows.add(new String[] {t.id(), t.queue(), Integer.toString(t.priority()), t.profile(), cpus(t.cpus()), node, wait, ran,
          Integer.toString(t.attempts().size()), preempted, t.state() + (t.exitCode() == null || t.exitCode() == 0 ? ""
          : " (exit " + t.exitCode() + ")")});
    }
    return Columns.render(rows);
  }

  private static List<String> preemptions(List<TaskStory> stories, Instant start) {
    List<String> out = new ArrayList<>();
    for (TaskStory t : stories) {
      for (Attempt a : t.attempts()) {
        if (a.preempted()) {
          out.add(t.id() + " (priority " + t.priority() + ", " + t.queue() + ") on " + (a.node() == null ? "?" : a.node())
              + (a.startedAt() == null ? "" : ", running since " + at(a.startedAt(), start)) + ": " + a.endedBy()
              + "; queued again");
        }
      }
    }
    return out;
  }

  private static Map<String, List<Long>> waits(List<TaskStory> stories) {
    Map<String, List<Long>> out = new TreeMap<>();
    for (TaskStory t : stories) {
      if (t.firstStart() != null && t.submittedAt() != null) {
        out.computeIfAbsent(t.queue(), k -> new ArrayList<>()).add(Duration.between(t.submittedAt(), t.firstStart())
            .toMillis());
      }
    }
    return out;
  }

  private static long mean(List<Long> values) {
    return Math.round(values.stream().mapToLong(Long::longValue).average().orElse(0));
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  static String at(Instant t, Instant start) {
    return String.format(Locale.ROOT, "+%.1f s", Duration.between(start, t).toMillis() / 1000.0);
  }

  private static String cpus(double cpus) {
    return cpus == Math.rint(cpus) ? Long.toString((long) cpus) : Double.toString(cpus);
  }
}
