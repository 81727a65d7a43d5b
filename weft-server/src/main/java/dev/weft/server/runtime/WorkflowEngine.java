package dev.weft.server.runtime;

import dev.weft.server.outage.FailureStreak;
import dev.weft.server.secrets.SecretSource;
import dev.weft.server.services.ServiceRegistry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.store.ChildInstance;
import dev.weft.store.Database;
import dev.weft.store.Definition;
import dev.weft.store.GroupCommitter;
import dev.weft.store.Instance;
import dev.weft.store.InstanceStatus;
import dev.weft.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs the workflow instances of a database with many threads, and with other engines (other
 * processes) on the same PostgreSQL. A claim loop leases pending outbox entries to N dispatcher
 * threads, which carry them out concurrently, and a lease keeper renews those leases while the
 * entries are carried out; a timer loop fires due timers. Every decision
 * (start, command result, timer) is one unit of work committed through a {@link GroupCommitter},
 * so under load many instances' decisions share one transaction. Decisions on one instance
 * never race: each unit reads the instance and appends against the version it read; within
 * this process the committer runs units one after another, and a unit that lost to another
 * engine fails with a stale version, rolls back alone (savepoint) and is tried again.
 *
 * <p>Nothing is kept only in memory: an engine opened on a database after a crash (kill -9)
 * carries on with what is there: pending entries (once their leases expire), due timers.
 */
public final class WorkflowEngine implements AutoCloseable {
  private static final Duration SHUTDOWN_WAIT = Duration.ofMinutes(1);


  private final Database db;
  private final RuntimeClock clock;
  private final Supplier<String> ids;
  private final Definitions definitions;
  private final Recorder recorder;
  private final GroupCommitter committer;
  private final CommitWithRetry commits;
  private final CarryOutCommand carryOut;
  private final WorkerCalls workerCalls;
  private final FailureStreak workerLeases = FailureStreak.logging("expiring worker leases",
      System.getLogger(WorkflowEngine.class.getName()));
  private final AtomicLong otherDecisions = new AtomicLong();
  private final Doorbell commandsBell = new Doorbell();
  private final Doorbell timersBell = new Doorbell();
  private final Doorbell renewBell = new Doorbell();
  private final Doorbell sweepBell = new Doorbell();
  /** The bells of the loops nothing else rings (outcome deliveries, worker leases): rung at close. */
  private final Doorbell outcomesBell = new Doorbell();
  private final Doorbell childrenBell = new Doorbell();
  private final Doorbell leasesBell = new Doorbell();
  private final ExecutorService dispatchers;
  private final List<Thread> loops;
  private final Thread renewer;
  private volatile boolean running = true;
  /** In-process service calls wait out their retry delays here; closing ends the waits. */
  private final StoppableWait retryWait = new StoppableWait();
  /** The lease keeper runs until the dispatchers have finished, after the other loops stopped. */
  private volatile boolean renewing = true;

  private WorkflowEngine(Database db, EngineSettings settings, RuntimeClock clock, Supplier<String> ids, SecretSource secrets,
      EventSink emitted, Runnable tasksSubmitted, Runnable tasksCancelled) {
    this.db = db;
    this.clock = clock;
    this.ids = ids;
    this.definitions = new Definitions(db.definitions());
    DecisionWriter writer = new DecisionWriter(db, definitions, secrets);
    this.recorder = new Recorder(db, writer, tasksCancelled);
    this.committer = db.groupCommitter(settings.maxBatch(), Duration.ZERO);
    this.commits = new CommitWithRetry(committer);
    Effector effector = new Effector(settings.httpTimeout(), emitted, HostRedirects.NONE,
        new ServiceRegistry(db.services()), retryWait);
    TaskCommands tasks = settings.tasksOnAgents()
        ? new TaskCommands(effector.services(), definitions, db.instances(),
        new dev.weft.server.scheduling.QueueTrees(db)) : null;
    this.workerCalls = new WorkerCalls(db, recorder, commits, effector.services(), clock, this::decidedElsewhere);
    CallSlots slots = new CallSlots(db);
    CallRates rates = new CallRates(db);
    this.carryOut = new CarryOutCommand(effector, recorder, commits, clock, tasks, tasksSubmitted,
        new ChildStarts(definitions, db.children()), this::decidedElsewhere, workerCalls, rates, slots);
    this.dispatchers = Executors.newFixedThreadPool(settings.dispatchers(),
        Thread.ofPlatform().name("weft-dispatch-" + settings.owner() + "-", 1).daemon().factory());
    DispatchCommands dispatch = new DispatchCommands(db.outbox(), carryOut, dispatchers,
        new LoopContext(settings, clock, commandsBell, () -> running));
    FireDueTimers fire = new FireDueTimers(db.timers(), recorder, commits,
        new LoopContext(settings, clock, timersBell, () -> running), this::decidedElsewhere);
    List<Thread> threads = new ArrayList<>(List.of(
        Thread.ofPlatform().name("weft-claim-" + settings.owner()).daemon().start(dispatch),
        Thread.ofPlatform().name("weft-timers-" + settings.owner()).daemon().start(fire)));
    if (tasks != null) {
      DeliverTaskOutcomes deliver = new DeliverTaskOutcomes(db.commandTasks(), new TaskOutcomes(db, effector.services(),
          new WorkflowTaskSecrets(db, secrets), definitions),
          recorder, commits, new LoopContext(settings, clock, outcomesBell, () -> running), this::decidedElsewhere,
          new ServiceRetries(db, effector.services()), tasksSubmitted);
      threads.add(Thread.ofPlatform().name("weft-task-outcomes-" + settings.owner()).daemon().start(deliver));
    }
    DeliverChildOutcomes childOutcomes = new DeliverChildOutcomes(db.children(), db.instances(), recorder, commits,
        new InstanceOperations(db, clock, ids, secrets, tasksCancelled),
        new LoopContext(settings, clock, childrenBell, () -> running), this::decidedElsewhere, effector.services());
    threads.add(Thread.ofPlatform().name("weft-child-outcomes-" + settings.owner()).daemon().start(childOutcomes));
    LoopContext leases = new LoopContext(settings, clock, leasesBell, () -> running);
    threads.add(Thread.ofPlatform().name("weft-worker-leases-" + settings.owner()).daemon()
        .start(() -> leases.repeat(() -> expireWorkerLeases(leases), 1)));
    LoopContext sweeps = new LoopContext(settings, clock, sweepBell, () -> running);
    threads.add(Thread.ofPlatform().name("weft-slot-sweep-" + settings.owner()).daemon()
        .start(() -> sweep(slots, rates, sweeps)));
    this.loops = List.copyOf(threads);
    RenewCommandLeases renew = new RenewCommandLeases(db.outbox(), dispatch::carryingOut,
        new LoopContext(settings, clock, renewBell, () -> renewing));
    this.renewer = Thread.ofPlatform().name("weft-renew-" + settings.owner()).daemon().start(renew);
  }

  /**
   * How often the slots of calls whose instance ended without giving them back are looked for,
   * and the old reserved starts of rate-limited calls forgotten.
   */
  static final Duration SLOT_SWEEP = Duration.ofSeconds(10);
  private static final System.Logger LOG = System.getLogger(WorkflowEngine.class.getName());

  /**
   * Every {@link #SLOT_SWEEP}, gives back the service slots left by calls of ended instances
   * ({@link CallSlots#sweep}) and forgets old reserved starts ({@link CallRates#forgetOld}).
   */
  private static void sweep(CallSlots slots, CallRates rates, LoopContext loop) {
    FailureStreak failures = FailureStreak.logging("sweeping service slots and starts", LOG);
    try {
      while (loop.goOn()) {
        Duration wait = SLOT_SWEEP;
        try {
          slots.sweep(loop.clock().nowMillis());
          rates.forgetOld(loop.clock().nowMillis());
          failures.succeeded();
        } catch (StoreException e) {
          wait = failures.failed(e);
        }
        loop.bell().await(wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Opens an engine on {@code db} and starts its threads. It uses {@code clock} for every time
   * it stores and for when timers are due, {@code ids} for new instance ids. Close it before
   * the database.
   */
  public static WorkflowEngine open(Database db, EngineSettings settings, RuntimeClock clock, Supplier<String> ids) {
    return open(db, settings, clock, ids, SecretSource.none(), EventSink.NONE);
  }

  /** As above; {@code $secrets} come from {@code secrets}, emitted events go to {@code emitted}. */
  public static WorkflowEngine open(Database db, EngineSettings settings, RuntimeClock clock, Supplier<String> ids,
      SecretSource secrets, EventSink emitted) {
    return open(db, settings, clock, ids, secrets, emitted, () -> { });
  }

  /**
   * As above; with {@link EngineSettings#tasksOnAgents()}, {@code tasksSubmitted} runs each time a
   * step's task has been submitted and committed (a server passes its scheduler's round bell).
   */
  public static WorkflowEngine open(Database db, EngineSettings settings, RuntimeClock clock, Supplier<String> ids,
      SecretSource secrets, EventSink emitted, Runnable tasksSubmitted) {
    return open(db, settings, clock, ids, secrets, emitted, tasksSubmitted, () -> { });
  }

  /**
   * As above; {@code tasksCancelled} runs after the commit of a decision that ended an instance and
   * cancelled its tasks still on their way (a server passes the bell of its agents' waiting polls).
   */
  public static WorkflowEngine open(Database db, EngineSettings settings, RuntimeClock clock, Supplier<String> ids,
      SecretSource secrets, EventSink emitted, Runnable tasksSubmitted, Runnable tasksCancelled) {
    return new WorkflowEngine(db, settings, clock, ids, secrets, emitted, tasksSubmitted, tasksCancelled);
  }

  /**
   * Stores the document, creates the instance (the same key again gives the same instance) and
   * commits its {@code Started} decision; returns the instance id. The engine's threads carry
   * it on from there.
   *
   * @throws dev.weft.workflow.read.WorkflowValidationException with every problem of the document
   * @throws dev.weft.store.StoreUnavailableException if the database is away (nothing was started)
   * @throws StoreException if the store refused the start every time it was tried
   */
  public String start(String document, JsonNode input, String idempotencyKey) {
    long now = clock.nowMillis();
    Definition def = definitions.store(document, Instant.ofEpochMilli(now));
    String id = ids.get();
    Instance inst = commits.commitOrUnavailable("starting " + idempotencyKey,
        () -> recorder.started(id, idempotencyKey, def, input, now))
        .orElseThrow(() -> new StoreException("instance with key " + idempotencyKey + " could not be started"));
    if (inst.status() == InstanceStatus.PENDING) {
      decidedElsewhere();
    }
    return inst.id();
  }

  /** The calls of worker services, as the workers' API sees them. */
  public WorkerCalls workerCalls() {
    return workerCalls;
  }

  /** One round of the lease keeper of worker calls; a store that fails is tried again on the next round. */
  private int expireWorkerLeases(LoopContext loop) {
    try {
      int n = workerCalls.expireSome();
      workerLeases.succeeded();
      return n;
    } catch (StoreException e) {
      loop.pause(workerLeases.failed(e));
      return 0;
    }
  }

  /** Where the instance is now. */
  public RunResult result(String instanceId) {
    return Snapshots.result(db.instances().find(instanceId)
        .orElseThrow(() -> new IllegalArgumentException("no instance " + instanceId)));
  }

  /** The instance that started {@code instanceId} with a {@code run: workflow} step, and the children it started, in order. */
  public record Family(Optional<String> parent, List<String> children) {}

  public Family family(String instanceId) {
    return new Family(db.children().ofChild(instanceId).map(ChildInstance::parentId),
        db.children().ofParent(instanceId).stream().map(ChildInstance::childId).toList());
  }

  public EngineStats stats() {
    return new EngineStats(committer.transactions(), commits.units.get(),
        carryOut.decisions.get() + otherDecisions.get(), carryOut.carriedOut.get(), commits.retries.get());
  }

  /**
   * Stops claiming and firing, lets the dispatchers finish and record what they are carrying
   * out, and commits what is queued. Entries claimed but not yet started stay pending and
   * return to the pool when their lease expires.
   */
  @Override
  public void close() {
    running = false;
    retryWait.stop();
    commandsBell.ring();
    timersBell.ring();
    sweepBell.ring();
    outcomesBell.ring();
    childrenBell.ring();
    leasesBell.ring();
    try {
      for (Thread t : loops) {
        t.join();
      }
      dispatchers.shutdown();
      dispatchers.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      renewing = false;
      renewBell.ring();
      renewer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      committer.close();
    }
  }

  private void decidedElsewhere() {
    otherDecisions.incrementAndGet();
    commandsBell.ring();
  }
}
