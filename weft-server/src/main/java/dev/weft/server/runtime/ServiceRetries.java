package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.lifecycle.TaskState;
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
 * A service's {@code contract.retry: {attempts: N}} in server mode: when the task of a call of a
 * {@code process} service fails (not when it is cancelled), the call is tried again as a new task,
 * up to N more times, before the failure reaches the instance. Try k of the task {@code T} is task
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

  /**
   * The job that tries the linked command again, when its task ({@code t}, as read for the link)
   * failed and the service's contract allows another try.
   */
  Optional<NewJob> next(CommandTask link, TaskRecord t) {
    if (link.service() == null || t.status() != TaskState.FAILED) {
      return Optional.empty();
    }
    int retries;
    try {
      retries = allowed(calls.byKey(link.service(), ""));
    } catch (CommandFault gone) { // the service version is no longer stored: nothing to retry by
      return Optional.empty();
    }
    Matcher m = TRY.matcher(link.taskId());
    String first = m.matches() ? m.group(1) : link.taskId();
    int done = m.matches() ? Integer.parseInt(m.group(2)) : 0;
    if (done >= retries) {
      return Optional.empty();
    }
    String id = first + "-r" + (done + 1);
    ObjectNode spec = t.spec().deepCopy();
    spec.put("id", id);
    if (spec.has("job")) {
      spec.put("job", id);
    }
    return Optional.of(new NewJob(id, t.name(), JobKind.SINGLE, List.of(new NewTask(id, t.name(), spec, t.queue(),
        t.priority()))));
  }

  /** Submits the retry and points the command at it, in the caller's unit; false when another server did first. */
  boolean submit(CommandTask link, NewJob retry, Instant now) {
    if (!db.commandTasks().relink(link.commandId(), link.taskId(), retry.id())) {
      return false;
    }
    db.jobs().submit(retry, now);
    return true;
  }

  /** The retries the contract allows after a failed try (0 when it says nothing). */
  static int allowed(ServiceDefinition s) {
    JsonNode retry = s.contract() == null ? null : s.contract().retry();
    return retry == null ? 0 : retry.path("attempts").asInt(0);
  }
}
