package dev.weft.sim.report.runs;

import dev.weft.sim.metrics.TaskRecord;
import dev.weft.sim.report.Axis;
import dev.weft.sim.report.GanttBar;
import dev.weft.sim.report.GanttChart;
import dev.weft.sim.report.Lanes;
import dev.weft.sim.report.Num;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schedule of a run as a Gantt chart: one row per node, split into lanes where tasks overlap
 * (the records name the node, not the slot), each task a bar from its first start to its finish,
 * times in seconds since the first submission.
 */
public final class TaskGantt {
  /** Colours tasks by their queue. */
  public static final Function<TaskRecord, String> BY_QUEUE = TaskRecord::queue;
  /** Colours tasks by the type in their id: {@code mProject_00012} and {@code mProject_00013} alike. */
  public static final Function<TaskRecord, String> BY_TYPE = t -> typeOf(t.id());

  private static final Pattern NUMBERED = Pattern.compile("(.+?)(?:[_.-](?:ID)?[0-9]+)+");

  private TaskGantt() {}

  public static GanttChart of(String title, List<TaskRecord> tasks, Function<TaskRecord, String> category) {
    long origin = tasks.stream().mapToLong(TaskRecord::submitMillis).min().orElse(0);
    List<GanttBar> bars = tasks.stream().map(t -> bar(t, origin, category.apply(t))).toList();
    return GanttChart.titled(title).note("one row per node and lane; a bar runs from a task's first start to its finish")
        .x(Axis.linear("time since the first submission").seconds()).bars(Lanes.pack(bars));
  }

  /** The type of a task, from its id without the trailing numbers: {@code split_fasta_00000001} is {@code split_fasta}. */
  public static String typeOf(String id) {
    Matcher m = NUMBERED.matcher(id);
    return m.matches() ? m.group(1) : id;
  }

  private static GanttBar bar(TaskRecord t, long origin, String category) {
    double start = (t.startMillis() - origin) / 1000.0;
    double end = (t.finishMillis() - origin) / 1000.0;
    String label = t.id() + " on " + t.node() + " (" + t.queue() + "): " + Num.fixed(start, 1) + " s to "
        + Num.fixed(end, 1) + " s, ran " + Num.duration(t.runtimeMillis() / 1000.0) + ", waited "
        + Num.duration(t.waitMillis() / 1000.0) + (t.preemptions() > 0 ? ", preempted " + t.preemptions() + "x" : "");
    return new GanttBar(t.node(), start, end, category, label);
  }
}
