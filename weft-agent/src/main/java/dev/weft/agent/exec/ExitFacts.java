package dev.weft.agent.exec;

/**
 * What the executor knows once a task's wrapper has exited; {@link OutcomeRules} judges it.
 *
 * @param exitCode the exit status the wrapper recorded (or the wrapper's own), null when lost
 * @param requestedStop TIMED_OUT or KILLED when the agent stopped the task, else null
 * @param stopDetail why the agent stopped it, or null
 * @param oomKills the OOM kills counted in the task's cgroup (0 without one)
 * @param memoryByRlimit whether memory was fenced by an rlimit
 * @param stderrTail the end of the task's stderr (read only when memoryByRlimit)
 */
public record ExitFacts(Integer exitCode, TaskStatus requestedStop, String stopDetail, long oomKills,
    boolean memoryByRlimit, String stderrTail) {}
