package dev.weft.store.jdbc;

import dev.weft.store.Command;
import dev.weft.store.Decision;
import dev.weft.store.EventStore;
import dev.weft.store.IllegalTransitionException;
import dev.weft.store.InstanceStatus;
import dev.weft.store.NewInstance;
import dev.weft.store.NewEvent;
import dev.weft.store.RecordedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EventStore} on {@code weft_event} (journal) and {@code weft_command} (outbox). The events
 * of an instance created with its first decision ({@link #createDecided}) are kept in its row
 * ({@link JournalHead}); later events go to {@code weft_event} after them.
 */
public final class JdbcEventStore implements EventStore {
  private final JdbcTransactor tx;

  public JdbcEventStore(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public long append(Decision d, Instant now) {
    return tx.run("appending a decision of " + d.instanceId(), c -> {
      long version = StatusChange.apply(c, d.instanceId(), d.expectedVersion(), d.newStatus(),
          d.newSnapshot(), now);
      appendEvents(c, d.instanceId(), d.events(), now);
      DecidedRow.insertCommands(c, d.instanceId(), DecidedRow.commandRows(d.commands()), now.toEpochMilli());
      return version;
    });
  }

  @Override
  public boolean createDecided(NewInstance n, Decision first, Instant now) {
    if (!first.instanceId().equals(n.id()) || first.expectedVersion() != 1) {
      throw new IllegalArgumentException("the first decision of instance " + n.id() + " must be on it at version 1, got "
          + first.instanceId() + " at version " + first.expectedVersion());
    }
    if (!InstanceStatus.PENDING.canMoveTo(first.newStatus())) {
      throw new IllegalTransitionException(n.id(), InstanceStatus.PENDING, first.newStatus());
    }
    DecidedRow row = DecidedRow.of(n, first, now);
    if (tx.defers()) {
      return tx.createDeferred(row);
    }
    return tx.run("creating instance " + n.id() + " with its first decision", row::insert);
  }

  @Override
  public List<RecordedEvent> history(String instanceId) {
    return tx.run("reading history of " + instanceId, c -> {
      List<RecordedEvent> out = head(c, instanceId);
      try (PreparedStatement ps = c.prepareStatement("SELECT seq, type, payload, recorded_at FROM weft_event"
          + " WHERE instance_id = ? ORDER BY seq")) {
        ps.setString(1, instanceId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new RecordedEvent(instanceId, rs.getLong(1), rs.getString(2),
                JsonColumns.read(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4))));
          }
        }
        return out;
      }
    });
  }

  private static List<RecordedEvent> head(Connection c, String instanceId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT head_events, created_at FROM weft_instance WHERE id = ?")) {
      ps.setString(1, instanceId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? JournalHead.decode(instanceId, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)))
            : new ArrayList<>();
      }
    }
  }

  /**
   * The instance row is locked by the version check, so the next sequence number is ours alone: after
   * the last event in {@code weft_event}, or after the head kept in the row when there is none yet.
   */
  private static void appendEvents(Connection c, String instanceId, List<NewEvent> events, Instant now)
      throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    long next;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT GREATEST(COALESCE((SELECT MAX(seq) FROM weft_event WHERE instance_id = ?), 0),"
            + " (SELECT head_event_count FROM weft_instance WHERE id = ?))")) {
      ps.setString(1, instanceId);
      ps.setString(2, instanceId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        next = rs.getLong(1) + 1;
      }
    }
    insertEvents(c, instanceId, next, events, now);
  }

  private static void insertEvents(Connection c, String instanceId, long next, List<NewEvent> events, Instant now)
      throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    long seq = next;
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_event (instance_id, seq, type, payload,"
        + " recorded_at) VALUES (?, ?, ?, ?, ?)")) {
      for (NewEvent e : events) {
        ps.setString(1, instanceId);
        ps.setLong(2, seq++);
        ps.setString(3, e.type());
        ps.setString(4, JsonColumns.write(e.payload()));
        ps.setLong(5, now.toEpochMilli());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
