package dev.weft.cli.demo;

import java.time.Instant;

/**
 * One run of a task as its records showed it: the node, when it was placed and started (null when
 * never seen), when it finished (only the last attempt), and what ended it when it did not finish
 * (the message the server stored when it queued the task again, e.g. "preempted for ...").
 */
record Attempt(int number, String node, Instant placedAt, Instant startedAt, Instant finishedAt, String endedBy) {
  static final String PREEMPTED = "preempted for ";

  boolean preempted() {
    return endedBy != null && endedBy.startsWith(PREEMPTED);
  }

  /** The task this attempt was preempted for, parsed from {@code "preempted for TASK: reason"}. */
  String preemptedFor() {
    String rest = endedBy.substring(PREEMPTED.length());
    int colon = rest.indexOf(": ");
    return colon < 0 ? rest : rest.substring(0, colon);
  }

  Attempt withEnd(String why) {
    return new Attempt(number, node, placedAt, startedAt, finishedAt, why);
  }
}
