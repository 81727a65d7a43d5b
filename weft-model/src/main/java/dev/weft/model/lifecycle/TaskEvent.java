package dev.weft.model.lifecycle;

/** What happens to a task: the scheduler's decisions, its agent's reports, a node's loss, a user. */
public enum TaskEvent {
  /** A plan assigns it to a node. */
  PLACE,
  /** Its agent reports it started. */
  START,
  /** Its agent reports exit 0. */
  SUCCEED,
  /** Its agent reports a non-zero exit or that it could not start it; or a lost task ran out of attempts. */
  FAIL,
  /** A plan stops it to make room. */
  PREEMPT,
  /** A plan stops it in place to make room (preemption by suspension): it keeps its node and memory. */
  SUSPEND,
  /** A suspended task goes on where it stopped, on its node. */
  RESUME,
  /** Its node stopped heartbeating. */
  LOSE,
  /** A preempted or lost task is queued again (its attempt counts up). */
  REQUEUE,
  /** A user cancels it. */
  CANCEL
}
