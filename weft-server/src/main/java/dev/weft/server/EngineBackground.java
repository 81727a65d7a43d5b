package dev.weft.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.api.workflows.WorkflowEngine;
import dev.weft.server.runtime.Definitions;
import dev.weft.server.runtime.RunResult;
import dev.weft.server.runtime.RuntimeClock;
import dev.weft.store.Definition;
import java.time.Instant;

/**
 * The API's {@link WorkflowEngine} on the multi-threaded {@link dev.weft.server.runtime.WorkflowEngine}:
 * a start commits the instance's first decision and the engine's threads carry it on; nothing
 * needs resuming at start-up (the engine claims whatever the store holds).
 */
public final class EngineBackground implements WorkflowEngine {
  private final dev.weft.server.runtime.WorkflowEngine engine;
  private final Definitions definitions;
  private final RuntimeClock clock;

  public EngineBackground(dev.weft.server.runtime.WorkflowEngine engine, Definitions definitions, RuntimeClock clock) {
    this.engine = engine;
    this.definitions = definitions;
    this.clock = clock;
  }

  @Override
  public Definition define(String document) {
    return definitions.store(document, Instant.ofEpochMilli(clock.nowMillis()));
  }

  @Override
  public String start(String document, JsonNode input, String idempotencyKey) {
    return engine.start(document, input, idempotencyKey);
  }

  @Override
  public RunResult result(String instanceId) {
    return engine.result(instanceId);
  }

  @Override
  public dev.weft.server.runtime.WorkflowEngine.Family family(String instanceId) {
    return engine.family(instanceId);
  }

  public dev.weft.server.runtime.WorkflowEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    engine.close();
  }
}
