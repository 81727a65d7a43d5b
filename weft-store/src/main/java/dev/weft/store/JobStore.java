package dev.weft.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Jobs submitted directly (not by a workflow) and their tasks. */
public interface JobStore {
  /**
   * Stores the job and all its tasks as {@code PENDING}, attempt 0, in one transaction.
   * Idempotent by job id: submitting an id already stored returns the stored job and adds nothing.
   *
   * @throws ConflictException when a task id is already used by another job
   */
  default Job submit(NewJob job, Instant now) {
    return store(job, now).job();
  }

  /**
   * As {@link #submit}, telling whether this call stored the job ({@code created} false: the id was
   * stored before, nothing was written).
   *
   * @throws ConflictException when a task id is already used by another job
   */
  StoredJob store(NewJob job, Instant now);

  Optional<Job> find(String id);

  /** The most recently submitted jobs first, at most {@code limit}. */
  List<Job> list(int limit);
}
