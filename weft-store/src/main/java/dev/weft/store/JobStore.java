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

  /**
   * Deletes jobs that ended before {@code endedBefore}: every task succeeded, failed or was cancelled
   * and the last one finished before the cutoff (a job without tasks: submitted before it). With each
   * job go its tasks, their output tails ({@link TaskOutputStore}) and their shipped logs
   * ({@link TaskLogStore}). A job is kept while any of its tasks is pending, placed, running, preempted
   * or lost, or is a workflow command's task whose outcome is not yet delivered
   * ({@link CommandTaskStore}). Never deleted: the run-time history ({@link RuntimeHistory}) and the
   * command links themselves (an instance's task list still names the task, without its state).
   * At most {@code limit} jobs, oldest submission first, in one transaction. Servers racing delete
   * each job once; a deleted job's id may be submitted again as a new job.
   *
   * @return how many jobs were deleted (fewer than {@code limit}: nothing more is due)
   */
  int purgeEndedBefore(Instant endedBefore, int limit);
}
