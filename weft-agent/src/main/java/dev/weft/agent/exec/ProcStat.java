package dev.weft.agent.exec;

/**
 * One line of {@code /proc/PID/stat}: the fields the agent needs.
 *
 * @param pid the process
 * @param state R, S, D, T (stopped), Z (zombie: dead, not yet reaped), ...
 * @param ppid its parent
 * @param pgrp its process group
 * @param session its session
 * @param startTicks when it started, in clock ticks since boot (with the pid, names a process uniquely)
 */
public record ProcStat(long pid, char state, long ppid, long pgrp, long session, long startTicks) {
  /** Parses the text of /proc/PID/stat; the command name may hold spaces and parentheses. */
  public static ProcStat parse(String text) {
    int open = text.indexOf('(');
    int close = text.lastIndexOf(')');
    if (open < 0 || close < open) {
      throw new IllegalArgumentException("not a /proc/PID/stat line: " + text);
    }
    long pid = Long.parseLong(text.substring(0, open).trim());
    String[] f = text.substring(close + 2).trim().split(" ");
    // f[0] is field 3 of proc(5); field n is f[n - 3]
    return new ProcStat(pid, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
        Long.parseLong(f[19]));
  }

  /** True unless the process is a zombie: it has exited and only waits to be reaped. */
  public boolean running() {
    return state != 'Z' && state != 'X';
  }
}
