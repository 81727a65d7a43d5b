package dev.weft.sim.rlscheduler;

import java.util.List;

/** What schedules one sequence of the protocol on an empty machine: the paper's rules, or Weft's planner. */
public interface ProtocolEngine {
  /**
   * Schedules {@code sequence} (in trace order, submit times as in the trace) on an empty
   * {@code machine} and returns each job's start time, in sequence order.
   */
  long[] starts(List<ProtocolJob> sequence, ProtocolMachine machine);

  /** A short description for reports, e.g. {@code "paper sjf, paper backfilling"}. */
  String describe();
}
