package dev.weft.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * What one decision writes: the instance's new status and snapshot (checked against
 * {@code expectedVersion}), the events it appends and the commands it puts in the outbox. Every
 * command's id names this instance.
 */
public record Decision(
    String instanceId,
    long expectedVersion,
    InstanceStatus newStatus,
    JsonNode newSnapshot,
    List<NewEvent> events,
    List<Command> commands) {
  public Decision {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(newStatus, "newStatus");
    Objects.requireNonNull(newSnapshot, "newSnapshot");
    events = List.copyOf(events);
    commands = List.copyOf(commands);
    for (Command c : commands) {
      if (!c.id().instanceId().equals(instanceId)) {
        throw new IllegalArgumentException("command " + c.id() + " belongs to instance "
            + c.id().instanceId() + ", not to the deciding instance " + instanceId);
      }
    }
  }
}
