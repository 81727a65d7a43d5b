package dev.weft.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.api.workflows.WorkflowEngine;
import dev.weft.server.runtime.Definitions;
import dev.weft.server.runtime.RunResult;
import dev.weft.server.runtime.RuntimeClock;
import dev.weft.server.runtime.WorkflowRuntime;
import dev.weft.store.Definition;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import dev.weft.store.InstanceStore;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@link WorkflowEngine} on the single-instance {@link WorkflowRuntime}: each started instance
 * is driven to its end on a pool thread, never on two threads at once. An instance whose drive
 * stops on an error stays unfinished in the store and is picked up by {@link #resumeUnfinished}
 * at the next start of the server.
 */
public final class BackgroundRuntime implements WorkflowEngine {
  private static final System.Logger LOG = System.getLogger(BackgroundRuntime.class.getName());
  private static final int RESUME_BATCH = 1000;

  private final WorkflowRuntime runtime;
  private final Definitions definitions;
  private final InstanceStore instances;
  private final RuntimeClock clock;
  private final ExecutorService pool;
  private final Set<String> driving = ConcurrentHashMap.newKeySet();

  public BackgroundRuntime(WorkflowRuntime runtime, Definitions definitions, InstanceStore instances,
      RuntimeClock clock, ExecutorService pool) {
    this.runtime = runtime;
    this.definitions = definitions;
    this.instances = instances;
    this.clock = clock;
    this.pool = pool;
  }

  @Override
  public Definition define(String document) {
    return definitions.store(document, Instant.ofEpochMilli(clock.nowMillis()));
  }

  @Override
  public String start(String document, JsonNode input, String idempotencyKey) {
    String id = runtime.start(document, input, idempotencyKey);
    drive(id);
    return id;
  }

  @Override
  public RunResult result(String instanceId) {
    return runtime.result(instanceId);
  }

  /** Hands every PENDING or RUNNING instance in the store to the pool; returns how many. */
  public int resumeUnfinished() {
    int n = 0;
    for (InstanceStatus s : new InstanceStatus[] {InstanceStatus.PENDING, InstanceStatus.RUNNING}) {
      for (var inst : instances.list(InstanceFilter.all(RESUME_BATCH).withStatus(s))) {
        drive(inst.id());
        n++;
      }
    }
    return n;
  }

  private void drive(String id) {
    if (!driving.add(id)) {
      return;
    }
    pool.execute(() -> {
      try {
        runtime.drive(id);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "instance " + id + " stopped on an error; it resumes at the next start", e);
      } finally {
        driving.remove(id);
      }
    });
  }

  /** Stops the pool, interrupting drives that wait on timers, and waits for it a few seconds. */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "some instances were still being carried out at shutdown; they resume at the next start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
