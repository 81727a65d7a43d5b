package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.server.services.RetryPolicy;
import dev.weft.server.services.ServiceDefinition;
import dev.weft.store.CommandTask;
import dev.weft.store.Database;
import dev.weft.store.JobKind;
import dev.weft.store.NewJob;
import dev.weft.store.NewTask;
import dev.weft.store.TaskRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's {@code contract.retry} ({@link RetryPolicy}) in server mode: when the task of a call of a
 * {@code process} service fails (not when it is cancelled), the call is tried again as a new task,
 * up to N more times, before the failure reaches the instance. A retry with a delay is a job held
 * back until then ({@link NewJob#notBefore}), so the wait holds no thread and survives restarts. Try k of the task {@code T} is task
 * {@code T-r<k>}, so a retry is the same task whichever server submits it, and relinking the
 * command ({@link dev.weft.store.CommandTaskStore#relink}) is the arbiter: one server's retry wins.
 * The retry keeps the failed task's stored spec (secrets still masked, revealed at hand-out).
 */
final class ServiceRetries {
  private static final Pattern TRY = Pattern.compile("^(.*)-r(\\d+)$");
  private final Database db;
  private final ServiceCalls calls;

  ServiceRetries(Database db, ServiceCalls calls) {
    this.db = db;
    this.calls = calls;
  }

  /** The job of a retry, and how long after the failure it may start. */
  record Retry(NewJob job, long delayMillis) {}

  /**
   * The retry of the linked command, when its task ({@code t}, as read for the link) failed with
   * {@code error} (what the instance would be told) and the service's contract allows another try.
   */
  Optional<Retry> next(CommandTask link, TaskRecord t, JsonNode error) {
    if (link.service() == null || t.status() != TaskState.FAILED) {
      return Optional.empty();
    }
    RetryPolicy policy;
    try {
      policy = policy(calls.byKey(link.service(), ""));
    } catch (CommandFault gone) { // the service version is no longer stored: nothing to retry by
      return Optional.empty();
    }
    int retries = policy.attempts();
    Matcher m = TRY.matcher(link.taskId());
    String first = m.matches() ? m.group(1) : link.taskId();
    int done = m.matches() ? Integer.parseInt(m.group(2)) : 0;
    if (done >= retries || !policy.retries(error, t.exitCode())) {
      return Optional.empty();
    }
    String id = first + "-r" + (done + 1);
    ObjectNode spec = t.spec().deepCopy();
    spec.put("id", id);
    if (spec.has("job")) {
      spec.put("job", id);
    }
    return Optional.of(new Retry(new NewJob(id, t.name(), JobKind.SINGLE, List.of(new NewTask(id, t.name(), spec,
        t.queue(), t.priority()))), policy.delayBefore(done + 1, first)));
  }

  /**
   * Submits the retry, held back its delay after {@code now}, and points the command at it, in the
   * caller's unit; false when another server did first.
   */
  boolean submit(CommandTask link, Retry retry, Instant now) {
    NewJob job = retry.job();
    if (!db.commandTasks().relink(link.commandId(), link.taskId(), job.id())) {
      return false;
    }
    Instant notBefore = retry.delayMillis() > 0 ? now.plusMillis(retry.delayMillis()) : null;
    db.jobs().submit(new NewJob(job.id(), job.name(), job.kind(), job.tasks(), notBefore), now);
    return true;
  }

  /** The contract's retry policy ({@link RetryPolicy#NONE} when it says nothing). */
  static RetryPolicy policy(ServiceDefinition s) {
    return RetryPolicy.of(s.contract() == null ? null : s.contract().retry());
  }
}
