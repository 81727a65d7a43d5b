package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.TaskSpec;
import dev.weft.server.scheduling.JobSubmission;
import dev.weft.store.ChildInstance;
import dev.weft.store.ChildInstanceStore;
import dev.weft.store.CommandTask;
import dev.weft.store.CommandTaskStore;
import dev.weft.store.Database;
import dev.weft.store.Definition;
import dev.weft.store.Instance;
import dev.weft.store.InstanceStatus;
import dev.weft.store.InstanceStore;
import dev.weft.store.NewInstance;
import dev.weft.store.Outbox;
import dev.weft.store.PendingCommand;
import dev.weft.store.RetainedEvent;
import dev.weft.store.RetainedEvents;
import dev.weft.store.Timer;
import dev.weft.store.TimerStore;
import dev.weft.store.WorkerCall;
import dev.weft.store.WorkerCallStore;
import dev.weft.workflow.decide.Command;
import dev.weft.workflow.decide.Event;
import dev.weft.workflow.decide.InstanceState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records what happened to instances, one unit of work per method, each to be run inside one
 * transaction (a {@link dev.weft.store.Transactor} or a {@link dev.weft.store.GroupCommitter}
 * batch). Each is safe to repeat: the outbox entry's {@code markDone} and the timer's
 * {@code markFired} decide which of two recorders of the same thing writes the decision, and a
 * concurrent decision on the same instance fails the unit with a stale version (retry it whole).
 */
final class Recorder {
  private static final int RETAINED_BATCH = 100;
  private final InstanceStore instances;
  private final Outbox outbox;
  private final TimerStore timers;
  private final DecisionWriter decisions;
  private final RetainedEvents retained;
  private final CommandTaskStore links;
  private final JobSubmission jobs;
  private final CancelTasks cancelTasks;
  private final ChildInstanceStore children;
  private final WorkerCallStore workerCalls;
  private final CallSlots slots;

  Recorder(Database db, DecisionWriter decisions) {
    this(db, decisions, () -> { });
  }

  /** @param tasksCancelled runs after the commit of a unit that cancelled tasks of an instance that ended */
  Recorder(Database db, DecisionWriter decisions, Runnable tasksCancelled) {
    this.retained = db.retainedEvents();
    this.links = db.commandTasks();
    this.children = db.children();
    this.workerCalls = db.workerCalls();
    this.slots = new CallSlots(db);
    this.jobs = new JobSubmission(db);
    this.cancelTasks = new CancelTasks(db, tasksCancelled);
    this.instances = db.instances();
    this.outbox = db.outbox();
    this.timers = db.timers();
    this.decisions = decisions;
  }

  /** Creates the instance (the same key again gives the same one) and decides {@code Started} once. */
  Instance started(String id, String key, Definition def, JsonNode input, long now) {
    return startedAndDecided(id, key, def, input, now).instance();
  }

  /**
   * An instance as {@link #started} left it: the row as created (or found) and, when this call
   * decided {@code Started}, the state that decision produced (else null).
   */
  record Start(Instance instance, InstanceState decided) {}

  /** As {@link #started}, also giving the state the {@code Started} decision produced. */
  Start startedAndDecided(String id, String key, Definition def, JsonNode input, long now) {
    NewInstance n = new NewInstance(id, key, def.name(), def.version(), Snapshots.write(InstanceState.initial(id)));
    Optional<DecisionWriter.Written> fresh = decisions.writeNew(n, new Event.Started(input, null), now);
    if (fresh.isPresent()) { // the common case: a new key, the row written once in its decided state
      return new Start(instanceAsCreated(n, now), fresh.get().decision().state());
    }
    Instance inst = instances.create(n, Instant.ofEpochMilli(now));
    if (inst.status() != InstanceStatus.PENDING) {
      return new Start(inst, null);
    }
    return new Start(inst, decisions.write(inst, new Event.Started(input, null), now).decision().state());
  }

  /** The row as {@link InstanceStore#create} returns it, before its first decision. */
  private static Instance instanceAsCreated(NewInstance n, long now) {
    Instant at = Instant.ofEpochMilli(now);
    return new Instance(n.id(), n.idempotencyKey(), n.definitionName(), n.definitionVersion(), InstanceStatus.PENDING,
        n.snapshot(), 1, null, null, at, at);
  }

  /**
   * Marks the entry done and decides on its result; false when it was already done (nothing
   * written). Here, and wherever a call's outcome arrives below, the call's service slot is given
   * back ({@link CallSlots}).
   */
  boolean commandEnded(PendingCommand p, Event result, long now) {
    slots.release(p.id(), now);
    if (!outbox.markDone(p.id(), Instant.ofEpochMilli(now))) {
      return false;
    }
    Instance inst = instances.find(p.instanceId()).orElseThrow();
    if (inst.status().terminal()) {
      return false;
    }
    decide(inst, result, now);
    return true;
  }

  /**
   * The entry became a task: the entry is done, the task submitted as a one-task job (its id is
   * the job id) and linked to the entry (with the decider's command id, which the result must carry). False when the entry was done already (nothing
   * written); submitting and linking are idempotent by id besides.
   */
  boolean commandBecameTask(PendingCommand p, String decisionId, TaskCommands.Submission s, long now) {
    Instant at = Instant.ofEpochMilli(now);
    if (!outbox.markDone(p.id(), at)) {
      return false;
    }
    jobs.submit(s.spec().id(), s.jobName(), List.of(masked(p, s.spec())), at);
    links.link(new CommandTask(p.id(), decisionId, p.instanceId(), s.spec().id(), s.service(), at, null));
    return true;
  }

  /** The task as stored: the secret values in its run masked like the outbox entry's (revealed when handed to an agent). */
  private TaskSpec masked(PendingCommand p, TaskSpec spec) {
    Optional<Instance> inst = instances.find(p.instanceId());
    if (spec.run() == null || inst.isEmpty()) {
      return spec;
    }
    return spec.toBuilder().run(TaskRunMask.redact(decisions.secretsOf(inst.get()).mask(), spec.run())).build();
  }

  /**
   * The entry starts a child instance of {@code def} ({@code run: workflow}): the entry is done,
   * the child created under an id and key derived from the decider's command id and its
   * {@code Started} decided, and the child linked to the entry. False when the entry was done
   * already (nothing written); the child's start and the link are idempotent besides.
   * {@code serviceKey} names the service version whose workflow behaviour the child carries out
   * (null for a {@code run: workflow} step).
   */
  boolean childStarted(PendingCommand p, String decisionId, Definition def, JsonNode input, int depth, String serviceKey,
      long now) {
    Instant at = Instant.ofEpochMilli(now);
    Optional<Instance> parent = instances.findLocked(p.instanceId()); // a suspend of the parent waits, then sees the link
    if (!outbox.markDone(p.id(), at)) {
      return false;
    }
    String childId = ChildWorkflows.childId(decisionId);
    startedAndDecided(childId, ChildWorkflows.childKey(decisionId), def, input, now);
    children.link(ChildInstance.started(p.id(), decisionId, p.instanceId(), childId, depth, at, serviceKey));
    if (parent.isPresent() && parent.get().status() == InstanceStatus.SUSPENDED) {
      holdWithParent(p.id(), p.instanceId(), childId, now);
    }
    return true;
  }

  /**
   * The parent was suspended after it issued the command that started this child: the child is
   * suspended with it at once and marked held, so resuming the parent resumes it (what its first
   * decision issued is still carried out, as for any instance suspended while a step runs).
   */
  private void holdWithParent(String commandId, String parentId, String childId, long now) {
    Optional<Instance> child = instances.find(childId);
    if (child.isPresent() && child.get().status() == InstanceStatus.RUNNING && decisions.write(child.get(),
        new Event.Suspended(InstanceOperations.heldReason(parentId)), now).changed()) {
      children.holdWithParent(commandId, true);
    }
  }

  /**
   * The entry calls a service with a {@code worker} behaviour: the entry is done and the call
   * written, waiting for a worker. False when the entry was done already (nothing written).
   */
  boolean commandBecameWorkerCall(PendingCommand p, WorkerCall call, long now) {
    if (!outbox.markDone(p.id(), Instant.ofEpochMilli(now))) {
      return false;
    }
    workerCalls.add(call);
    return true;
  }

  /**
   * A worker call ended (the caller changed its row in this unit): the outcome is decided on,
   * unless the instance ended meanwhile (false).
   */
  boolean workerCallEnded(WorkerCall call, Event outcome, long now) {
    slots.release(call.id(), now);
    Optional<Instance> inst = instances.find(call.instanceId());
    if (inst.isEmpty() || inst.get().status().terminal()) {
      return false;
    }
    decide(inst.get(), outcome, now);
    return true;
  }

  /** {@code json} of {@code inst} with its masked secret values revealed (for the one who carries a call out). */
  JsonNode revealed(Instance inst, JsonNode json) {
    return decisions.secretsOf(inst).mask().reveal(json);
  }

  /** The linked child ended: its outcome is delivered once (false when it was already) and decided on, unless the parent ended meanwhile. */
  boolean childEnded(ChildInstance link, Event outcome, long now) {
    slots.release(link.commandId(), now);
    if (!children.markDelivered(link.commandId(), Instant.ofEpochMilli(now))) {
      return false;
    }
    Optional<Instance> parent = instances.find(link.parentId());
    if (parent.isEmpty() || parent.get().status().terminal()) {
      return false;
    }
    decide(parent.get(), outcome, now);
    return true;
  }

  /**
   * The linked task ended: its outcome is delivered once (false when it was already) and decided
   * on, unless the instance has ended meanwhile.
   */
  boolean taskEnded(CommandTask link, Event outcome, long now) {
    slots.release(link.commandId(), now);
    if (!links.markDelivered(link.commandId(), Instant.ofEpochMilli(now))) {
      return false;
    }
    Optional<Instance> inst = instances.find(link.instanceId());
    if (inst.isEmpty() || inst.get().status().terminal()) {
      return false;
    }
    decide(inst.get(), outcome, now);
    return true;
  }

  /**
   * Decides on the event; when that ends the instance (a fault in one branch of a fork, a
   * {@code compete} won), its tasks still on their way, and its calls of worker services not yet
   * ended, are cancelled in the same unit.
   */
  private DecisionWriter.Written decide(Instance inst, Event event, long now) {
    DecisionWriter.Written w = decisions.write(inst, event, now);
    InstanceState after = w.decision().state();
    if (after.isFinished()) {
      cancelTasks.of(inst.id(), "instance " + inst.id() + " ended before this task did", Instant.ofEpochMilli(now));
      if (!after.outcomes().keySet().containsAll(after.issued().keySet())) { // a call is open only while its command is unanswered
        workerCalls.cancelOf(inst.id(), Instant.ofEpochMilli(now));
      }
    }
    return w;
  }

  /**
   * A {@code Listen} entry has nothing to carry out: what it waits for is in the snapshot and
   * events reach it through {@link EventDelivery}; the entry is done.
   */
  boolean listenOpened(PendingCommand p, long now) {
    if (!outbox.markDone(p.id(), Instant.ofEpochMilli(now))) {
      return false;
    }
    offerRetained(p.instanceId(), now);
    return true;
  }

  /**
   * Events published while nobody listened, still retained (see {@link EventDelivery}), go to the
   * instance whose listen just opened, oldest first; each one it consumes is removed in the same
   * transaction, so no other listen takes it too.
   */
  private void offerRetained(String instanceId, long now) {
    for (RetainedEvent r : retained.lockLive(Instant.ofEpochMilli(now), RETAINED_BATCH)) {
      Optional<Instance> inst = instances.find(instanceId);
      if (inst.isEmpty() || inst.get().status().terminal()) {
        return;
      }
      if (decide(inst.get(), new Event.EventReceived(r.event()), now).changed()) {
        retained.remove(r.seq());
      }
    }
  }

  /** The entry's payload with the secret values its stored form masks put back, to carry it out. */
  JsonNode revealed(PendingCommand p) {
    Optional<Instance> inst = instances.find(p.instanceId());
    return inst.isEmpty() ? p.payload() : decisions.secretsOf(inst.get()).mask().reveal(p.payload());
  }

  /** A {@code StartTimer} entry becomes a timer row; the entry is done. */
  void timerScheduled(PendingCommand p, Command.StartTimer t, long now) {
    timers.schedule(new Timer(p.id(), p.instanceId(), Instant.ofEpochMilli(t.fireAtMillis()), p.payload()));
    outbox.markDone(p.id(), Instant.ofEpochMilli(now));
  }

  /** Fires the timer and decides on it; false when someone fired it first. */
  boolean timerFired(Timer t, long now) {
    if (!timers.markFired(t.id(), Instant.ofEpochMilli(now))) {
      return false;
    }
    Optional<Instance> inst = instances.find(t.instanceId());
    if (inst.isEmpty() || inst.get().status().terminal()) {
      return false;
    }
    decide(inst.get(), new Event.TimerFired(t.payload().path("decisionId").asText()), now);
    return true;
  }
}
