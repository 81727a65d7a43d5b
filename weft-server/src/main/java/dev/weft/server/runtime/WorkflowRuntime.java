package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.secrets.SecretSource;
import dev.weft.server.services.ServiceDefinition;
import dev.weft.server.services.ServiceRegistry;
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
  private final ChildWorkflows children;
  private final DecisionWriter writer;
  private final CallRates rates;

  public WorkflowRuntime(Database db, RuntimeClock clock, Supplier<String> ids, Duration httpTimeout) {
    this(db, clock, ids, httpTimeout, EventSink.NONE, HostRedirects.NONE, SecretSource.none());
  }

  /** As above; the events {@code emit} steps send go to {@code emitted} (e.g. {@link EventDelivery#publish}). */
  public WorkflowRuntime(Database db, RuntimeClock clock, Supplier<String> ids, Duration httpTimeout, EventSink emitted) {
    this(db, clock, ids, httpTimeout, emitted, HostRedirects.NONE, SecretSource.none());
  }

  /** As above; http and openapi calls to the hosts in {@code redirects} go to their stand-ins. */
  public WorkflowRuntime(Database db, RuntimeClock clock, Supplier<String> ids, Duration httpTimeout, HostRedirects redirects) {
    this(db, clock, ids, httpTimeout, EventSink.NONE, redirects, SecretSource.none());
  }

  /** @param secrets where the values of {@code $secrets} come from; they are never persisted in clear */
  public WorkflowRuntime(Database db, RuntimeClock clock, Supplier<String> ids, Duration httpTimeout, SecretSource secrets) {
    this(db, clock, ids, httpTimeout, EventSink.NONE, HostRedirects.NONE, secrets);
  }

  /**
   * Emitted events go to {@code emitted}; calls to the hosts in {@code redirects} go to their
   * stand-ins; {@code $secrets} come from {@code secrets} and are never persisted in clear.
   */
  public WorkflowRuntime(Database db, RuntimeClock clock, Supplier<String> ids, Duration httpTimeout, EventSink emitted,
      HostRedirects redirects, SecretSource secrets) {
    this.tx = db.transactor();
    this.instances = db.instances();
    this.outbox = db.outbox();
    this.timers = db.timers();
    this.definitions = new Definitions(db.definitions(), new ExternalResources(new HttpCaller(httpTimeout, redirects)));
    this.writer = new DecisionWriter(db, definitions, secrets);
    this.children = new ChildWorkflows(this, definitions);
    this.effector = new Effector(httpTimeout, emitted, redirects, new ServiceRegistry(db.services()), RetryWait.SLEEP,
        children::run); // a workflow behaviour's child, nested as run: workflow is
    this.recorder = new Recorder(db, writer);
    this.rates = new CallRates(db);
    this.clock = clock;
    this.ids = ids;
  }

  /** Starts (see {@link #start}) and drives the instance to its end. */
  public RunResult run(String document, JsonNode input, String idempotencyKey) {
    Definition def = define(document);
    String id = ids.get();
    long now = clock.nowMillis();
    Recorder.Start s = tx.inTransaction(() -> recorder.startedAndDecided(id, idempotencyKey, def, input, now));
    if (s.decided() != null && s.decided().isFinished()) { // ended in its first decision: nothing left to carry out
      InstanceStatus status = Snapshots.storeStatus(s.decided().status());
      return new RunResult(s.instance().id(), status, status == InstanceStatus.COMPLETED ? s.decided().result() : null,
          status == InstanceStatus.FAILED ? s.decided().result() : null);
    }
    return drive(s.instance().id());
  }

  /**
   * Stores the document, creates the instance (the same key again gives the same instance) and
   * records its {@code Started} decision; returns the instance id. Carries nothing out.
   *
   * @throws dev.weft.workflow.read.WorkflowValidationException with every problem of the document
   */
  public String start(String document, JsonNode input, String idempotencyKey) {
    return start(define(document), input, idempotencyKey, ids.get());
  }

  /**
   * Validates and stores a document (the same text again keeps its version) without starting it,
   * so {@code run: workflow} can find it by namespace, name and version.
   *
   * @throws dev.weft.workflow.read.WorkflowValidationException with every problem of the document
   */
  public Definition define(String document) {
    return definitions.store(document, Instant.ofEpochMilli(clock.nowMillis()));
  }

  /**
   * Creates an instance of a stored definition with the given id and records its {@code Started}
   * decision, unless the key already has an instance (then returns that one's id). Carries nothing out.
   */
  public String start(Definition def, JsonNode input, String idempotencyKey, String id) {
    Instant now = Instant.ofEpochMilli(clock.nowMillis());
    return tx.inTransaction(() -> recorder.started(id, idempotencyKey, def, input, now.toEpochMilli()).id());
  }

  /** Carries out the instance's commands and timers (waiting on the clock) until it ends or waits for nothing. */
  public RunResult drive(String instanceId) {
    while (!Thread.currentThread().isInterrupted()) {
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
    return result(instanceId); // interrupted: the instance stays where it is, to be resumed
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
    Instance inst = instances.find(instanceId).orElseThrow(() -> new IllegalArgumentException("no instance " + instanceId));
    return Snapshots.result(inst, writer.secretsOf(inst).mask());
  }

  /**
   * The pointers of the tasks the instance has started, in order (see
   * {@link dev.weft.workflow.decide.Decider#tasksStarted}); recomputed from its snapshot.
   */
  public List<String> tasksStarted(String instanceId) {
    Instance inst = instances.find(instanceId).orElseThrow(() -> new IllegalArgumentException("no instance " + instanceId));
    return definitions.decider(inst.definitionName(), inst.definitionVersion()).tasksStarted(Snapshots.read(inst.snapshot()));
  }

  private void carryOut(PendingCommand p) {
    Command c = Journal.command(p.type(), recorder.revealed(p));
    if (c instanceof Command.Listen) {
      tx.inTransaction(() -> recorder.listenOpened(p, clock.nowMillis()));
      return;
    }
    if (c instanceof Command.StartTimer t) {
      tx.inTransaction(() -> {
        recorder.timerScheduled(p, t, clock.nowMillis());
        return null;
      });
      return;
    }
    Event result;
    try {
      if (c instanceof Command.CallService call) {
        ServiceDefinition service = effector.services().resolve(call);
        if (!startReached(p, service)) {
          return; // interrupted while waiting for its start: carried out when the instance is driven again
        }
        result = effector.called(service, call);
      } else {
        result = c instanceof Command.RunWorkflow w ? new Event.CommandCompleted(c.id(), children.run(w)) : effector.outcome(c, clock.nowMillis());
      }
    } catch (CommandFault f) {
      result = new Event.CommandFailed(c.id(), f.error());
    }
    Event event = result;
    tx.inTransaction(() -> recorder.commandEnded(p, event, clock.nowMillis()));
  }

  /**
   * Waits for the start the call reserved under its service's {@code contract.rateLimit} (at once
   * when the service has none). Calls are carried out one at a time here, so a
   * {@code contract.concurrency} limit is kept without slots. False when the wait was interrupted.
   */
  private boolean startReached(PendingCommand p, ServiceDefinition s) {
    if (!CallRates.limited(s)) {
      return true;
    }
    long start = rates.start(p, s, clock.nowMillis()).toEpochMilli();
    try {
      clock.sleepUntil(start);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
