package dev.weft.store;

import java.time.Instant;

/**
 * A stored job; its tasks are in {@link TaskStore#ofJob}.
 *
 * @param notBefore when its tasks may run at the earliest (a delayed job, a retry's backoff); null: at once
 */
public record Job(String id, String name, JobKind kind, Instant submittedAt, Instant notBefore) {
  /** A job that may run at once. */
  public Job(String id, String name, JobKind kind, Instant submittedAt) {
    this(id, name, kind, submittedAt, null);
  }

  /** When its tasks join their queues: when it was submitted, or its not-before time if that is later. */
  public Instant queuedAt() {
    return NewJob.queuedAt(submittedAt, notBefore);
  }
}
