package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.store.Database;
import dev.weft.store.Definition;
import dev.weft.store.Instance;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import dev.weft.store.InstanceStore;
import dev.weft.store.Outbox;
import dev.weft.store.PendingCommand;
import dev.weft.store.Timer;
import dev.weft.store.TimerStore;
import dev.weft.store.Transactor;
import dev.weft.workflow.decide.Command;
import dev.weft.workflow.decide.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs workflow instances durably in this process. Each event goes to the pure decider and its
 * decision (journal entry, snapshot, outbox commands) is written in one transaction; then the
 * outbox is carried out one command at a time, each result fed back the same way, until the
 * instance completes or faults. An outbox entry is marked done in the transaction that records
 * its result, so a command carried out but not recorded (a crash in between) is carried out
 * again after {@link #resume()}: its side effect may repeat.
 */
public final class WorkflowRuntime {
  private static final int BATCH = 1000;
  private static final long FAR_MILLIS = Duration.ofDays(365L * 100).toMillis();

  private final Transactor tx;
  private final InstanceStore instances;
  private final Outbox outbox;
  private final TimerStore timers;
  private final Definitions definitions;
  private final Effector effector;
  private final Recorder recorder;
  private final RuntimeClock clock;
  private final Supplier<String> ids;

  public WorkflowRuntime(Database db, RuntimeClock clock, Supplier<String> ids, Duration httpTimeout) {
    this.tx = db.transactor();
    this.instances = db.instances();
    this.outbox = db.outbox();
    this.timers = db.timers();
    this.definitions = new Definitions(db.definitions());
    this.effector = new Effector(httpTimeout);
    this.recorder = new Recorder(db, new DecisionWriter(db.events(), definitions));
    this.clock = clock;
    this.ids = ids;
  }

  /** Starts (see {@link #start}) and drives the instance to its end. */
  public RunResult run(String document, JsonNode input, String idempotencyKey) {
    return drive(start(document, input, idempotencyKey));
  }

  /**
   * Stores the document, creates the instance (the same key again gives the same instance) and
   * records its {@code Started} decision; returns the instance id. Carries nothing out.
   *
   * @throws dev.weft.workflow.read.WorkflowValidationException with every problem of the document
   */
  public String start(String document, JsonNode input, String idempotencyKey) {
    Instant now = Instant.ofEpochMilli(clock.nowMillis());
    Definition def = definitions.store(document, now);
    String id = ids.get();
    return tx.inTransaction(() -> recorder.started(id, idempotencyKey, def, input, now.toEpochMilli()).id());
  }

  /** Carries out the instance's commands and timers (waiting on the clock) until it ends or waits for nothing. */
  public RunResult drive(String instanceId) {
    while (true) {
      if (step(instanceId)) {
        continue;
      }
      RunResult now = result(instanceId);
      if (now.status().terminal()) {
        return now;
      }
      Optional<Timer> next = timers.due(Instant.ofEpochMilli(clock.nowMillis() + FAR_MILLIS), BATCH).stream()
          .filter(t -> t.instanceId().equals(instanceId)).min(Comparator.comparing(Timer::dueAt));
      if (next.isEmpty()) {
        return now; // waiting for something this runtime does not produce
      }
      try {
        clock.sleepUntil(next.get().dueAt().toEpochMilli());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return now;
      }
    }
  }

  /**
   * Carries out one pending outbox command of the instance, or fires one due timer, and records
   * what came of it. Returns false when there was nothing to do now.
   */
  public boolean step(String instanceId) {
    Optional<PendingCommand> pending = outbox.pending(BATCH).stream()
        .filter(p -> p.instanceId().equals(instanceId)).findFirst();
    if (pending.isPresent()) {
      carryOut(pending.get());
      return true;
    }
    Optional<Timer> due = timers.due(Instant.ofEpochMilli(clock.nowMillis()), BATCH).stream()
        .filter(t -> t.instanceId().equals(instanceId)).findFirst();
    if (due.isEmpty()) {
      return false;
    }
    tx.inTransaction(() -> recorder.timerFired(due.get(), clock.nowMillis()));
    return true;
  }

  /** Drives every unfinished instance in the store to its end, oldest first. */
  public List<RunResult> resume() {
    List<RunResult> results = new ArrayList<>();
    for (InstanceStatus s : List.of(InstanceStatus.PENDING, InstanceStatus.RUNNING)) {
      for (Instance inst : instances.list(InstanceFilter.all(BATCH).withStatus(s))) {
        results.add(drive(inst.id()));
      }
    }
    return results;
  }

  /** Where the instance is now. */
  public RunResult result(String instanceId) {
    return Snapshots.result(instances.find(instanceId)
        .orElseThrow(() -> new IllegalArgumentException("no instance " + instanceId)));
  }

  private void carryOut(PendingCommand p) {
    Command c = Journal.command(p.type(), p.payload());
    if (c instanceof Command.StartTimer t) {
      tx.inTransaction(() -> {
        recorder.timerScheduled(p, t, clock.nowMillis());
        return null;
      });
      return;
    }
    Event result = effector.outcome(c, clock.nowMillis());
    tx.inTransaction(() -> recorder.commandEnded(p, result, clock.nowMillis()));
  }
}
