package dev.weft.server.runtime;

import dev.weft.server.outage.FailureStreak;
import dev.weft.store.CommandTask;
import dev.weft.store.CommandTaskStore;
import dev.weft.store.StoreException;
import dev.weft.store.StoreUnavailableException;
import dev.weft.store.TaskRecord;
import dev.weft.workflow.decide.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loop that brings the outcomes of ended tasks back to their instances: it reads the links
 * whose task has ended and not yet been delivered, and records each outcome as the command's
 * result in one unit of work with marking it delivered ({@link Recorder#taskEnded}), so an
 * outcome is decided on once even when several servers (or a restart) deliver it. A failed task of
 * a service whose contract allows retries is tried again first ({@link ServiceRetries}).
 */
final class DeliverTaskOutcomes implements Runnable {
  private static final System.Logger LOG = System.getLogger(DeliverTaskOutcomes.class.getName());
  private final CommandTaskStore links;
  private final TaskOutcomes outcomes;
  private final Recorder recorder;
  private final CommitWithRetry commits;
  private final LoopContext loop;
  private final Runnable decided;
  private final ServiceRetries retries;
  private final Runnable tasksSubmitted;
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  private final FailureStreak reads = FailureStreak.logging("reading ended tasks", LOG);

  DeliverTaskOutcomes(CommandTaskStore links, TaskOutcomes outcomes, Recorder recorder, CommitWithRetry commits,
      LoopContext loop, Runnable decided, ServiceRetries retries, Runnable tasksSubmitted) {
    this.retries = retries;
    this.tasksSubmitted = tasksSubmitted;
    this.links = links;
    this.outcomes = outcomes;
    this.recorder = recorder;
    this.commits = commits;
    this.loop = loop;
    this.decided = decided;
  }

  @Override
  public void run() {
    loop.repeat(this::deliverSome, 1);
  }


  /** Returns how many outcomes were recorded (or found recorded already); failures wait for the next round. */
  int deliverSome() {
    List<CommandTask> ended;
    try {
      ended = links.ended(loop.settings().claimBatch());
    } catch (StoreException e) {
      loop.pause(reads.failed(e));
      return 0;
    }
    reads.succeeded();
    int delivered = 0;
    for (CommandTask link : ended) {
      try {
        TaskRecord task = outcomes.task(link);
        Event outcome = outcomes.of(link, task);
        Optional<ServiceRetries.Retry> retry = outcome instanceof Event.CommandFailed failed
            ? retries.next(link, task, failed.error()) : Optional.empty();
        if (retry.isPresent()) { // contract.retry: tried again instead of delivered
          if (commits.commit("retrying " + link.taskId() + " as " + retry.get().job().id(),
              () -> retries.submit(link, retry.get(), Instant.ofEpochMilli(loop.clock().nowMillis()))).orElse(false)) {
            tasksSubmitted.run();
          }
          delivered++;
          failing.remove(link.commandId());
          continue;
        }
        Optional<Boolean> done = commits.commit("delivering " + link.commandId(),
            () -> recorder.taskEnded(link, outcome, loop.clock().nowMillis()));
        if (done.orElse(false)) {
          decided.run();
        }
        delivered += done.isPresent() ? 1 : 0;
        failing.remove(link.commandId());
      } catch (StoreUnavailableException e) { // the database went away mid-round: the round waits, logged once
        loop.pause(reads.failed(e));
        return delivered;
      } catch (RuntimeException e) {
        if (failing.add(link.commandId())) {
          LOG.log(System.Logger.Level.ERROR, "delivering the outcome of task " + link.taskId() + " failed; trying again", e);
        }
      }
    }
    return delivered;
  }
}
