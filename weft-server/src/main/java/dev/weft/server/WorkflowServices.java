package dev.weft.server;

import dev.weft.server.outage.FailureStreak;
import dev.weft.server.runtime.Definitions;
import dev.weft.server.runtime.EngineSettings;
import dev.weft.server.runtime.EventDelivery;
import dev.weft.server.runtime.HostRedirects;
import dev.weft.server.runtime.InstanceOperations;
import dev.weft.server.runtime.RuntimeClock;
import dev.weft.server.runtime.ScheduleRunner;
import dev.weft.server.runtime.WorkerCalls;
import dev.weft.server.runtime.WorkflowEngine;
import dev.weft.server.runtime.WorkflowRuntime;
import dev.weft.store.Database;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The workflow side of a server: the multi-threaded {@link WorkflowEngine} (its {@code emit}s
 * published to listening instances through {@link EventDelivery}), the operations on instances,
 * and a thread that starts scheduled definitions when due ({@link ScheduleRunner}, once a
 * second). All of them take {@code $secrets} from the settings' {@code SecretSource}.
 */
final class WorkflowServices implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(WorkflowServices.class.getName());
  static final Duration SCHEDULE_EVERY = Duration.ofSeconds(1);

  private final EngineBackground engine;
  private final InstanceOperations operations;
  private final EventDelivery delivery;
  private final ScheduledExecutorService schedules;
  private final WorkerCalls workerCalls;

  private WorkflowServices(EngineBackground engine, InstanceOperations operations, EventDelivery delivery,
      ScheduledExecutorService schedules, WorkerCalls workerCalls) {
    this.workerCalls = workerCalls;
    this.engine = engine;
    this.operations = operations;
    this.delivery = delivery;
    this.schedules = schedules;
  }

  /**
   * @param tasksOnAgents true when a scheduler runs: {@code run: shell} steps and {@code process}
   *     service calls become tasks for agents
   * @param tasksSubmitted runs after such a task was submitted (wakes the scheduler)
   * @param tasksCancelled runs after tasks were cancelled with their instance (wakes the agents' polls)
   */
  static WorkflowServices open(Database db, ServerSettings settings, RuntimeClock clock, Supplier<String> ids,
      boolean tasksOnAgents, Runnable tasksSubmitted, Runnable tasksCancelled) {
    EventDelivery delivery = new EventDelivery(db, clock, settings.secrets(), settings.eventRetention());
    EngineSettings es = EngineSettings.of("server-" + UUID.randomUUID()).withDispatchers(settings.workers())
        .withTasksOnAgents(tasksOnAgents);
    WorkflowEngine engine = WorkflowEngine.open(db, es, clock, ids, settings.secrets(), delivery::publish, tasksSubmitted,
        tasksCancelled);
    InstanceOperations operations = new InstanceOperations(db, clock, ids, settings.secrets(), tasksCancelled);
    // Only its start() is used: it records a due start; the engine's threads carry the instance out.
    WorkflowRuntime starter = new WorkflowRuntime(db, clock, ids, es.httpTimeout(), delivery::publish, HostRedirects.NONE,
        settings.secrets());
    ScheduleRunner runner = new ScheduleRunner(db, starter, clock);
    ScheduledExecutorService schedules = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("weft-schedules").daemon().factory());
    FailureStreak streak = FailureStreak.logging("starting scheduled workflows (every " + SCHEDULE_EVERY.toSeconds() + " s)", LOG);
    schedules.scheduleWithFixedDelay(() -> runDue(runner, streak), 0, SCHEDULE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return new WorkflowServices(new EngineBackground(engine, new Definitions(db.definitions()), clock), operations,
        delivery, schedules, engine.workerCalls());
  }

  /** A failed round must not stop later ones; a streak of them (the database away) is logged once. */
  private static void runDue(ScheduleRunner runner, FailureStreak streak) {
    try {
      runner.runDue();
      streak.succeeded();
    } catch (RuntimeException e) {
      streak.failed(e);
    }
  }

  EngineBackground engine() {
    return engine;
  }

  InstanceOperations operations() {
    return operations;
  }

  EventDelivery delivery() {
    return delivery;
  }

  /** The calls of worker services, for the worker protocol. */
  WorkerCalls workerCalls() {
    return workerCalls;
  }

  @Override
  public void close() {
    schedules.shutdownNow();
    try {
      schedules.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    engine.close();
  }
}
