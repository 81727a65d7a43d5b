package dev.weft.server.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WorkflowEngine} runs.
 *
 * @param owner this engine's name in leases; unique among the engines sharing a database
 * @param dispatchers threads carrying commands out at once
 * @param commandLease how long a claimed command is this engine's; after that another engine
 *     may claim it again (and carry it out again: its id is the idempotency key)
 * @param claimBatch at most this many commands claimed in one query
 * @param idlePoll how long the loops wait when there was nothing to do (a decision made in
 *     this process wakes them at once)
 * @param httpTimeout connect and answer timeout of {@code call: http}
 * @param maxBatch at most this many units of work in one group-commit transaction
 * @param tasksOnAgents true (a server with a scheduler): {@code run: shell} steps and
 *     {@code process} service calls become tasks placed on agents; false: carried out in this process
 */
public record EngineSettings(
    String owner, int dispatchers, Duration commandLease, int claimBatch, Duration idlePoll,
    Duration httpTimeout, int maxBatch, boolean tasksOnAgents) {
  public EngineSettings {
    Objects.requireNonNull(owner, "owner");
    if (dispatchers < 1 || claimBatch < 1 || maxBatch < 1) {
      throw new IllegalArgumentException("dispatchers, claimBatch and maxBatch must be at least 1");
    }
    if (commandLease.isNegative() || commandLease.isZero() || idlePoll.isNegative() || idlePoll.isZero()) {
      throw new IllegalArgumentException("commandLease and idlePoll must be positive");
    }
  }

  /**
   * 16 dispatchers, 30 s command leases, 32 commands a claim, 50 ms idle poll, 30 s http timeout,
   * 64 a batch, everything carried out in this process.
   */
  public static EngineSettings of(String owner) {
    return new EngineSettings(owner, 16, Duration.ofSeconds(30), 32, Duration.ofMillis(50), Duration.ofSeconds(30), 64,
        false);
  }

  public EngineSettings withTasksOnAgents(boolean on) {
    return new EngineSettings(owner, dispatchers, commandLease, claimBatch, idlePoll, httpTimeout, maxBatch, on);
  }

  public EngineSettings withDispatchers(int n) {
    return new EngineSettings(owner, n, commandLease, claimBatch, idlePoll, httpTimeout, maxBatch, tasksOnAgents);
  }

  public EngineSettings withCommandLease(Duration d) {
    return new EngineSettings(owner, dispatchers, d, claimBatch, idlePoll, httpTimeout, maxBatch, tasksOnAgents);
  }

  /** How long a loop with nothing to do waits before it looks again (unless its bell rings first). */
  public EngineSettings withIdlePoll(Duration d) {
    return new EngineSettings(owner, dispatchers, commandLease, claimBatch, d, httpTimeout, maxBatch, tasksOnAgents);
  }

  public EngineSettings withHttpTimeout(Duration d) {
    return new EngineSettings(owner, dispatchers, commandLease, claimBatch, idlePoll, d, maxBatch, tasksOnAgents);
  }
}
