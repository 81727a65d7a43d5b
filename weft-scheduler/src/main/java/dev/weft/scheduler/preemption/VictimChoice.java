package dev.weft.scheduler.preemption;

import dev.weft.scheduler.api.RunningTask;
import java.util.List;

/** Stop {@code victims} on node {@code node} and the task fits there. */
public record VictimChoice(int node, List<RunningTask> victims, String reason) {}
