package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.store.Database;
import dev.weft.store.DefinitionStore;
import dev.weft.store.EventStore;
import dev.weft.store.Instance;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import dev.weft.store.InstanceStore;
import dev.weft.workflow.decide.InstanceState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Read-only views of instances: state, journal, lists. Secrets given at start are in none of them. */
public final class InstanceQueries {
  private final InstanceStore instances;
  private final EventStore events;
  private final DefinitionStore definitions;
  /** {@code document.version} by {@code name@revision}; stored revisions never change. */
  private final Map<String, String> versions = new ConcurrentHashMap<>();

  public InstanceQueries(Database db) {
    this.instances = db.instances();
    this.events = db.events();
    this.definitions = db.definitions();
  }

  /**
   * An instance as an operator sees it.
   *
   * @param definition {@code namespace/name}
   * @param version the {@code document.version} it runs (kept when newer versions are stored)
   * @param revision the store's revision of that definition
   * @param output the output when COMPLETED, else null
   * @param error the RFC 7807 error when FAILED, the reason when CANCELLED, else null
   * @param failedCommand the command whose failure faulted it (what a retry runs again), or null
   */
  public record InstanceView(String id, String idempotencyKey, String definition, String version, int revision,
      InstanceStatus status, JsonNode input, JsonNode output, JsonNode error, String failedCommand, Instant createdAt,
      Instant updatedAt) {}

  /** One journal entry: its place (from 1), type ({@code Started}, {@code CommandCompleted}, ...), time and payload. */
  public record HistoryEntry(long seq, String type, Instant time, JsonNode payload) {}

  /** @throws UnknownInstanceException when there is no such instance */
  public InstanceView state(String instanceId) {
    return view(instances.find(instanceId).orElseThrow(() -> new UnknownInstanceException(instanceId)));
  }

  /**
   * The instance's journal in order. Payloads are what the decider was fed: the start input,
   * command results and errors, received events, operators' reasons; never the secrets.
   *
   * @throws UnknownInstanceException when there is no such instance
   */
  public List<HistoryEntry> history(String instanceId) {
    if (instances.find(instanceId).isEmpty()) {
      throw new UnknownInstanceException(instanceId);
    }
    return events.history(instanceId).stream()
        .map(e -> new HistoryEntry(e.seq(), e.type(), e.recordedAt(), e.payload()))
        .toList();
  }

  /** Instances matching the filter (status, definition {@code namespace/name}), oldest first. */
  public List<InstanceView> list(InstanceFilter filter) {
    return instances.list(filter).stream().map(this::view).toList();
  }

  private InstanceView view(Instance inst) {
    InstanceState s = Snapshots.read(inst.snapshot());
    String version = versions.computeIfAbsent(inst.definitionName() + "@" + inst.definitionVersion(), k ->
        definitions.find(inst.definitionName(), inst.definitionVersion()).map(Definitions::dslVersion).orElse("?"));
    return new InstanceView(inst.id(), inst.idempotencyKey(), inst.definitionName(), version, inst.definitionVersion(),
        inst.status(), s.input(), inst.status() == InstanceStatus.COMPLETED ? s.result() : null,
        inst.status() == InstanceStatus.FAILED || inst.status() == InstanceStatus.CANCELLED ? s.result() : null,
        s.failedCommand(), inst.createdAt(), inst.updatedAt());
  }
}
