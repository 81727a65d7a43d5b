package dev.weft.server.runtime;

import dev.weft.server.secrets.SecretSource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.store.ChildInstance;
import dev.weft.store.ChildInstanceStore;
import dev.weft.store.WorkerCallStore;
import dev.weft.store.Database;
import dev.weft.store.Definition;
import dev.weft.store.Instance;
import dev.weft.store.InstanceStatus;
import dev.weft.store.InstanceStore;
import dev.weft.store.NewInstance;
import dev.weft.store.Outbox;
import dev.weft.store.PendingCommand;
import dev.weft.store.Transactor;
import dev.weft.workflow.decide.Event;
import dev.weft.workflow.decide.InstanceState;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What an operator does to instances: store definitions, start by name and version, cancel,
 * suspend, resume, retry from the failed step. Each operation is one decision of the instance's
 * decider, written in one transaction; an operation the instance's status does not allow
 * changes nothing and throws {@link OperationRefusedException} saying why. Carrying out the
 * commands a decision issues is {@link WorkflowRuntime#drive}'s job.
 */
public final class InstanceOperations {
  private static final int BATCH = 1000;

  private final Transactor tx;
  private final InstanceStore instances;
  private final Outbox outbox;
  private final Definitions definitions;
  private final ApplyEvent apply;
  private final RuntimeClock clock;
  private final Supplier<String> ids;
  private final CancelTasks cancelTasks;
  private final ChildInstanceStore children;
  private final WorkerCallStore workerCalls;

  public InstanceOperations(Database db, RuntimeClock clock, Supplier<String> ids) {
    this(db, clock, ids, SecretSource.none());
  }

  /** As above; {@code $secrets} of the instances come from {@code secrets} (never persisted in clear). */
  public InstanceOperations(Database db, RuntimeClock clock, Supplier<String> ids, SecretSource secrets) {
    this(db, clock, ids, secrets, () -> { });
  }

  /**
   * As above; {@code tasksCancelled} runs once a cancel that cancelled tasks has committed (a server
   * rings its agents' waiting polls, so they stop the runs at once).
   */
  public InstanceOperations(Database db, RuntimeClock clock, Supplier<String> ids, SecretSource secrets,
                            Runnable tasksCancelled) {
    this.tx = db.transactor();
    this.instances = db.instances();
    this.outbox = db.outbox();
    this.definitions = new Definitions(db.definitions());
    this.apply = new ApplyEvent(db, definitions, clock, secrets);
    this.cancelTasks = new CancelTasks(db, tasksCancelled);
    this.children = db.children();
    this.workerCalls = db.workerCalls();
    this.clock = clock;
    this.ids = ids;
  }

  /** Where a document was stored: {@code namespace/name}, its {@code document.version}, the store's revision. */
  public record StoredDefinition(String name, String version, int revision) {}

  /**
   * Validates and stores a document. The same text again is a no-op.
   *
   * @throws dev.weft.workflow.read.WorkflowValidationException with every problem of the document
   * @throws DefinitionConflictException when its namespace, name and version are stored with another text
   */
  public StoredDefinition register(String document) {
    Definition d = definitions.store(document, Instant.ofEpochMilli(clock.nowMillis()));
    return new StoredDefinition(d.name(), Definitions.dslVersion(d), d.version());
  }

  /**
   * Starts the stored workflow {@code namespace/name} at {@code version}, or at the version stored
   * last; the same idempotency key again returns the same instance (and starts nothing).
   * The secrets the document declares in {@code use.secrets} come from this object's
   * {@link SecretSource} at each decision and are never persisted in clear.
   *
   * @throws IllegalArgumentException naming the workflow or version that is not stored
   */
  public String start(String name, Optional<String> version, JsonNode input, String idempotencyKey) {
    Definition def = definitions.find(name, version);
    String id = ids.get();
    Instant now = Instant.ofEpochMilli(clock.nowMillis());
    return tx.inTransaction(() -> {
      Instance inst = instances.create(new NewInstance(id, idempotencyKey, def.name(), def.version(),
          Snapshots.write(InstanceState.initial(id))), now);
      if (inst.status() == InstanceStatus.PENDING) {
        apply.applyHere(inst, new Event.Started(input, null));
      }
      return inst.id();
    });
  }

  /**
   * Cancels a pending, running or suspended instance; its commands not yet carried out never will
   * be, and its tasks not yet ended are cancelled (their agents stop them), as are its calls of
   * worker services still waiting or leased, in the same transaction.
   */
  public InstanceStatus cancel(String instanceId, String reason) {
    return operate(instanceId, new Event.Cancelled(reason), "cancel", a -> {
      dropPendingCommands(instanceId);
      cancelTasks.of(instanceId, "instance " + instanceId + " was cancelled" + (reason == null ? "" : ": " + reason),
          Instant.ofEpochMilli(clock.nowMillis()));
      workerCalls.cancelOf(instanceId, Instant.ofEpochMilli(clock.nowMillis())); // a worker reporting one is told so (409)
    });
  }

  /**
   * Suspends a running instance: it issues no new commands until resumed; results of commands
   * already issued are recorded. Its running child instances (and theirs) are suspended with it, in
   * the same transaction, and marked as held with their parent.
   */
  public InstanceStatus suspend(String instanceId, String reason) {
    return operate(instanceId, new Event.Suspended(reason), "suspend", a -> holdChildren(instanceId));
  }

  /**
   * Resumes a suspended instance: what it recorded meanwhile is used, and what it held back is
   * issued now. The children suspended with it are resumed with it; a child an operator suspended
   * on its own stays suspended.
   */
  public InstanceStatus resume(String instanceId) {
    return operate(instanceId, new Event.Resumed(), "resume", a -> {
      children.ofChild(instanceId).filter(ChildInstance::heldWithParent)
          .ifPresent(l -> children.holdWithParent(l.commandId(), false)); // resumed by hand: no longer held
      releaseChildren(instanceId);
    });
  }

  /** Why a child is suspended with its parent. */
  static String heldReason(String parentId) {
    return "its parent instance " + parentId + " was suspended";
  }

  /** Suspends the running children of {@code parentId} whose outcome it still waits for, and theirs. */
  private void holdChildren(String parentId) {
    for (ChildInstance link : children.ofParent(parentId)) {
      Optional<Instance> child = link.deliveredAt() == null ? instances.find(link.childId()) : Optional.empty();
      if (child.isPresent() && child.get().status() == InstanceStatus.RUNNING
          && apply.applyHere(child.get(), new Event.Suspended(heldReason(parentId))).changed()) {
        children.holdWithParent(link.commandId(), true);
        holdChildren(link.childId());
      }
    }
  }

  /** Resumes the children of {@code parentId} that were suspended with it, and theirs. */
  private void releaseChildren(String parentId) {
    for (ChildInstance link : children.ofParent(parentId)) {
      if (!link.heldWithParent()) {
        continue;
      }
      children.holdWithParent(link.commandId(), false);
      Optional<Instance> child = instances.find(link.childId());
      if (child.isPresent() && child.get().status() == InstanceStatus.SUSPENDED
          && apply.applyHere(child.get(), new Event.Resumed()).changed()) {
        releaseChildren(link.childId());
      }
    }
  }

  /**
   * Runs a failed instance again from the step whose command failed: that command (and any
   * other one left unanswered by the fault) is issued again under a new id; steps completed
   * before are not run again, their recorded results are reused.
   *
   * A child instance whose failure is what failed its parent takes its parent with it: the parent
   * is retried from that step in the same transaction, and its new command waits for this child
   * instead of starting another, so the child's new outcome reaches it (as Conductor's retry of a
   * sub-workflow resumes its parent). A parent that went on (it caught the failure) or ended for
   * another reason is left as it is.
   *
   * @throws OperationRefusedException when the instance is not FAILED, or its fault comes from a
   *     step that is not a command (a {@code raise}, an expression), which would fault the same way again
   */
  public InstanceStatus retryFromFailedStep(String instanceId) {
    return operate(instanceId, new Event.RetryRequested(), "retry", a -> reopenParent(instanceId));
  }

  private void reopenParent(String childId) {
    Optional<ChildInstance> link = children.ofChild(childId).filter(l -> l.deliveredAt() != null);
    Optional<Instance> parent = link.flatMap(l -> instances.find(l.parentId()))
        .filter(p -> p.status() == InstanceStatus.FAILED);
    if (parent.isEmpty() || !link.get().decisionId().equals(Snapshots.read(parent.get().snapshot()).failedCommand())) {
      return;
    }
    ApplyEvent.Applied a = apply.applyHere(parent.get(), new Event.RetryRequested());
    String again = a.after().currentIdOf(link.get().decisionId());
    if (!a.changed() || !a.after().issued().containsKey(again) || again.equals(link.get().decisionId())) {
      return;
    }
    String entry = Journal.storeId(parent.get().id(), again).value();
    outbox.markDone(entry, Instant.ofEpochMilli(clock.nowMillis())); // its child is this one, started already
    children.relink(link.get().commandId(), entry, again);
  }

  private InstanceStatus operate(String instanceId, Event event, String verb, Consumer<ApplyEvent.Applied> also) {
    ApplyEvent.Applied a = apply.apply(instanceId, event, also);
    if (!a.changed()) {
      throw new OperationRefusedException(refusal(verb, a.before(), a.after()));
    }
    return Snapshots.storeStatus(a.after().status());
  }

  private static String refusal(String verb, Instance inst, InstanceState state) {
    String why = switch (verb) {
      case "cancel" -> "only a pending, running or suspended instance can be cancelled";
      case "suspend" -> "only a running instance can be suspended";
      case "resume" -> "only a suspended instance can be resumed";
      default -> inst.status() == InstanceStatus.FAILED
          ? "its fault comes from a step that is not a command (" + state.result().path("instance").asText("?")
              + "), which would fault the same way again"
          : "only a failed instance can be retried";
    };
    return "cannot " + verb + " instance " + inst.id() + " (" + inst.status() + "): " + why;
  }

  /** Marks the instance's outbox entries done so nobody carries them out (scans the oldest {@value #BATCH}). */
  private void dropPendingCommands(String instanceId) {
    Instant now = Instant.ofEpochMilli(clock.nowMillis());
    for (PendingCommand p : outbox.pending(BATCH)) {
      if (p.instanceId().equals(instanceId)) {
        outbox.markDone(p.id(), now);
      }
    }
  }
}
