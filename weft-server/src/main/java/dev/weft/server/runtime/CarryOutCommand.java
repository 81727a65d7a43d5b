package dev.weft.server.runtime;

import dev.weft.server.services.Behaviour;
import dev.weft.server.services.ServiceDefinition;
import dev.weft.store.PendingCommand;
import dev.weft.store.WorkerCall;
import dev.weft.workflow.decide.Command;
import dev.weft.workflow.decide.Event;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries one claimed outbox entry out and records what came of it (entry done + decision) in
 * one group-committed unit. A {@code StartTimer} entry only becomes a timer row. If this process
 * dies between the side effect and the commit, the entry stays pending and is carried out again
 * once its lease expires; the effect repeats with the same id (the http {@code Idempotency-Key}).
 * With {@link TaskCommands} (server mode), a {@code run: shell} step or a {@code process} service
 * call becomes a task for the scheduler instead: the entry is done once the task is submitted,
 * and the result is recorded when the task ends ({@link DeliverTaskOutcomes}). With {@link ChildStarts},
 * a {@code run: workflow} step, or a call of a service with a {@code workflow} behaviour, starts a
 * child instance the same way, its result recorded when the child ends ({@link DeliverChildOutcomes}).
 * With {@link WorkerCalls}, a call of a service with a {@code worker} behaviour waits on its queue
 * for an external worker, its result recorded when the worker reports it.
 */
final class CarryOutCommand {
  private final Effector effector;
  private final Recorder recorder;
  private final CommitWithRetry commits;
  private final RuntimeClock clock;
  private final TaskCommands tasks;
  private final Runnable tasksSubmitted;
  private final ChildStarts children;
  private final Runnable childStarted;
  private final WorkerCalls workers;
  private final CallSlots slots;
  private final CallRates rates;
  final AtomicLong carriedOut = new AtomicLong();
  final AtomicLong decisions = new AtomicLong();

  /** @param tasks which commands become tasks; null to carry every command out in this process */
  CarryOutCommand(Effector effector, Recorder recorder, CommitWithRetry commits, RuntimeClock clock, TaskCommands tasks) {
    this(effector, recorder, commits, clock, tasks, () -> { }, null, () -> { });
  }

  /**
   * As above; {@code tasksSubmitted} runs after a unit that submitted a task has committed (it wakes
   * the scheduler). With {@code children}, a {@code run: workflow} step starts a child instance
   * and {@code childStarted} runs once that has committed (it wakes the claim loop); without, it is
   * carried out by the {@link Effector}.
   */
  CarryOutCommand(Effector effector, Recorder recorder, CommitWithRetry commits, RuntimeClock clock, TaskCommands tasks,
      Runnable tasksSubmitted, ChildStarts children, Runnable childStarted) {
    this(effector, recorder, commits, clock, tasks, tasksSubmitted, children, childStarted, null, null, null);
  }

  /**
   * As above; with {@code workers}, a call of a service with a {@code worker} behaviour waits for a
   * worker to take it; with {@code rates}, a call of a service with {@code contract.rateLimit}
   * waits for the start it reserved; with {@code slots}, a call of a service with
   * {@code contract.concurrency} then waits for a slot of it.
   */
  CarryOutCommand(Effector effector, Recorder recorder, CommitWithRetry commits, RuntimeClock clock, TaskCommands tasks,
      Runnable tasksSubmitted, ChildStarts children, Runnable childStarted, WorkerCalls workers, CallRates rates,
      CallSlots slots) {
    this.workers = workers;
    this.slots = slots;
    this.rates = rates;
    this.children = children;
    this.childStarted = childStarted;
    this.tasksSubmitted = tasksSubmitted;
    this.tasks = tasks;
    this.effector = effector;
    this.recorder = recorder;
    this.commits = commits;
    this.clock = clock;
  }

  void carryOut(PendingCommand p) {
    Command c = Journal.command(p.type(), p.payload());
    if (c instanceof Command.Listen) {
      commits.commit("opening listen " + p.id(), () -> recorder.listenOpened(p, clock.nowMillis()));
      return;
    }
    if (c instanceof Command.StartTimer t) {
      commits.commit("scheduling timer " + p.id(), () -> {
        recorder.timerScheduled(p, t, clock.nowMillis());
        return Boolean.FALSE;
      });
      return;
    }
    if (children != null && c instanceof Command.RunWorkflow w) {
      startChild(p, w, null);
      return;
    }
    Command revealed = Journal.command(p.type(), recorder.revealed(p));
    ServiceDefinition service = null;
    if (children != null && revealed instanceof Command.CallService call) {
      try {
        service = effector.services().resolve(call);
      } catch (CommandFault f) {
        record(p, new Event.CommandFailed(call.id(), f.error()));
        return;
      }
      if (rates != null && CallRates.limited(service) && !due(p, service)) {
        return; // parked until the start it reserved under the service's rate limit
      }
      if (slots != null && CallSlots.limited(service) && !admitted(p, service)) {
        return; // parked until a call of the service gives its slot back
      }
      if (service.behaviour() instanceof Behaviour.Workflow w) {
        startChild(p, ServiceCalls.child(w, (Command.CallService) c), service.key());
        return;
      }
      if (workers != null && service.behaviour() instanceof Behaviour.Worker w) {
        callWorker(p, (Command.CallService) c, service, w);
        return;
      }
    }
    if (tasks != null && submittedAsTask(p, revealed, service)) {
      return;
    }
    record(p, service != null ? effector.called(service, (Command.CallService) revealed)
        : effector.outcome(revealed, clock.nowMillis()));
  }

  /**
   * Whether the call may start now under its service's {@code contract.rateLimit}; a call whose
   * start lies ahead (or whose reservation the store refused every time, left to its lease) may not.
   */
  private boolean due(PendingCommand p, ServiceDefinition service) {
    return commits.commit("reserving a start of service " + service.name() + " for " + p.id(),
        () -> rates.due(p, service, clock.nowMillis())).orElse(false);
  }

  /**
   * Whether the call may be carried out now under its service's {@code contract.concurrency}; a
   * call left waiting (or whose admission the store refused every time, left to its lease) is not.
   */
  private boolean admitted(PendingCommand p, ServiceDefinition service) {
    return commits.commit("admitting " + p.id() + " under the concurrency limit of service " + service.name(),
        () -> slots.admitted(p, service, clock.nowMillis())).orElse(false);
  }

  /** True when the command became a task (or its task settings or input faulted it, recorded as its result). */
  private boolean submittedAsTask(PendingCommand p, Command c, ServiceDefinition service) {
    Optional<TaskCommands.Submission> s;
    try {
      s = tasks.submission(p.instanceId(), p.id(), c, service);
    } catch (CommandFault f) {
      record(p, new Event.CommandFailed(c.id(), f.error()));
      return true;
    }
    if (s.isEmpty()) {
      return false;
    }
    carriedOut.incrementAndGet();
    if (commits.commit("submitting the task of " + p.id(),
        () -> recorder.commandBecameTask(p, c.id(), s.get(), clock.nowMillis())).orElse(false)) {
      tasksSubmitted.run();
    }
    return true;
  }

  /**
   * Starts the child of a {@code run: workflow} step, or of a call of a service with a workflow
   * behaviour ({@code serviceKey} names that service version; its output contract is checked when
   * the child's outcome is delivered). Its input is the entry's as stored, with the parent's secret
   * values still masked: the child's history never holds them in clear (a child declares the
   * secrets it needs in its own {@code use.secrets}).
   */
  private void startChild(PendingCommand p, Command.RunWorkflow w, String serviceKey) {
    ChildStarts.Start start;
    try {
      start = children.of(p.instanceId(), w);
    } catch (CommandFault f) {
      record(p, new Event.CommandFailed(w.id(), f.error()));
      return;
    }
    carriedOut.incrementAndGet();
    if (commits.commit("starting the child of " + p.id(), () -> recorder.childStarted(p, w.id(), start.definition(),
        w.input(), start.depth(), serviceKey, clock.nowMillis())).orElse(false)) {
      childStarted.run();
    }
  }

  /**
   * The call waits on the worker service's queue, its input as stored (secret values masked; they
   * are revealed for the worker that leases it), checked against the contract already.
   */
  private void callWorker(PendingCommand p, Command.CallService masked, ServiceDefinition service, Behaviour.Worker w) {
    carriedOut.incrementAndGet();
    Instant now = Instant.ofEpochMilli(clock.nowMillis());
    WorkerCall call = WorkerCall.waiting(p.id(), masked.id(), p.instanceId(), w.queue(), service.key(), masked.with(),
        now, w.timeoutMillis() > 0 ? now.plusMillis(w.timeoutMillis()) : null);
    if (commits.commit("making worker call " + p.id(), () -> recorder.commandBecameWorkerCall(p, call, clock.nowMillis()))
        .orElse(false)) {
      workers.callMade();
    }
  }

  private void record(PendingCommand p, Event outcome) {
    carriedOut.incrementAndGet();
    if (commits.commit("recording " + p.id(), () -> recorder.commandEnded(p, outcome, clock.nowMillis())).orElse(false)) {
      decisions.incrementAndGet();
    }
  }
}
