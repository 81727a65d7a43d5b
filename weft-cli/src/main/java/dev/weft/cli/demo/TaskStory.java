package dev.weft.cli.demo;

import java.time.Instant;
import java.util.List;

/**
 * A task of the demo from submission to its end, built from its records: what it asked for and
 * every attempt the demo saw.
 *
 * @param estimateMillis the task's runtime estimate (0: none)
 * @param attempts in order; the last one is the one that ended the task
 */
record TaskStory(String id, String queue, int priority, String profile, double cpus, long estimateMillis,
                 Instant submittedAt, String state, Integer exitCode, List<Attempt> attempts) {
  TaskStory {
    attempts = List.copyOf(attempts);
  }

  Attempt last() {
    return attempts.isEmpty() ? null : attempts.getLast();
  }

  /** When it first started (or was first placed, when its start was not seen), null when it never ran. */
  Instant firstStart() {
    for (Attempt a : attempts) {
      if (a.startedAt() != null) {
        return a.startedAt();
      }
      if (a.placedAt() != null) {
        return a.placedAt();
      }
    }
    return null;
  }

  /** When it was first placed, null when never. */
  Instant firstPlaced() {
    return attempts.stream().map(Attempt::placedAt).filter(p -> p != null).findFirst().orElse(null);
  }

  long preemptions() {
    return attempts.stream().filter(Attempt::preempted).count();
  }
}
