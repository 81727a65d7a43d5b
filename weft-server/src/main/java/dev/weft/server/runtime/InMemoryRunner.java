package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.store.InstanceStatus;
import dev.weft.workflow.decide.Command;
import dev.weft.workflow.decide.Decider;
import dev.weft.workflow.decide.Decision;
import dev.weft.workflow.decide.Event;
import dev.weft.workflow.decide.InstanceState;
import dev.weft.workflow.plan.PlanCompiler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Runs instances of one workflow in memory, with no store: the document is validated, its
 * catalog functions and external schemas fetched ({@link ExternalResources}) and compiled once,
 * then each {@link #run} feeds the pure decider and carries out its commands (the same {@link Effector} as {@link WorkflowRuntime}) until the instance ends. Nothing
 * survives the process. Timers are waited for on the clock. Thread-safe: instances share only
 * the compiled plan.
 */
public final class InMemoryRunner {
  private final Decider decider;
  private final Effector effector;
  private final RuntimeClock clock;
  private final Supplier<String> ids;

  /**
   * @throws dev.weft.workflow.read.WorkflowValidationException with every problem of the document
   */
  public InMemoryRunner(String document, RuntimeClock clock, Supplier<String> ids, Duration httpTimeout) {
    this.decider = new Decider(PlanCompiler.compile(new ExternalResources(new HttpCaller(httpTimeout, HostRedirects.NONE)).resolve(document)));
    this.effector = new Effector(httpTimeout, EventSink.NONE, HostRedirects.NONE,
        dev.weft.server.services.ServiceRegistry.builtinsOnly());
    this.clock = clock;
    this.ids = ids;
  }

  /** Runs one instance on {@code input} to its end (completed, failed or cancelled while waiting). */
  public RunResult run(JsonNode input) {
    String id = ids.get();
    Decision d = decider.decide(InstanceState.initial(id), new Event.Started(input, null), clock.nowMillis());
    InstanceState state = d.state();
    Deque<Command> todo = new ArrayDeque<>(d.commands());
    while (!state.isFinished() && !todo.isEmpty()) {
      Event e;
      try {
        e = outcome(todo.poll());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        e = new Event.Cancelled("interrupted while waiting for a timer");
      }
      d = decider.decide(state, e, clock.nowMillis());
      state = d.state();
      todo.addAll(d.commands());
    }
    InstanceStatus status = Snapshots.storeStatus(state.status());
    return new RunResult(id, status, status == InstanceStatus.COMPLETED ? state.result() : null,
        status == InstanceStatus.FAILED ? state.result() : null);
  }

  private Event outcome(Command c) throws InterruptedException {
    if (c instanceof Command.StartTimer t) {
      clock.sleepUntil(t.fireAtMillis());
      return new Event.TimerFired(t.id());
    }
    if (c instanceof Command.Complete || c instanceof Command.Fail) {
      throw new IllegalStateException("the decider ended the instance but its state is not finished: " + c);
    }
    try {
      return new Event.CommandCompleted(c.id(), effector.carryOut(c, clock.nowMillis()));
    } catch (CommandFault f) {
      return new Event.CommandFailed(c.id(), f.error());
    }
  }
}
