package dev.weft.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.store.TriggerEvent;
import dev.weft.store.TriggerEvents;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link TriggerEvents} on table {@code weft_trigger_event}; the lock is {@code FOR UPDATE} on the
 * definition's row of {@code weft_definition}, which nothing else updates.
 */
public final class JdbcTriggerEvents implements TriggerEvents {
  private final JdbcTransactor tx;

  public JdbcTriggerEvents(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public List<TriggerEvent> lockPending(String name, int version) {
    return tx.run("reading the pending trigger events of " + name + "@" + version, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT name FROM weft_definition WHERE name = ? AND version = ? FOR UPDATE")) {
        ps.setString(1, name);
        ps.setInt(2, version);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalArgumentException("no definition " + name + " version " + version);
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT seq, payload, by_until FROM weft_trigger_event"
          + " WHERE definition_name = ? AND definition_version = ? AND instance_id IS NULL ORDER BY seq")) {
        ps.setString(1, name);
        ps.setInt(2, version);
        List<TriggerEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new TriggerEvent(rs.getLong(1), JsonColumns.read(rs.getString(2)), rs.getBoolean(3)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public boolean taken(String name, String source, String id) {
    return tx.run("looking up a trigger event", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM weft_trigger_event"
          + " WHERE definition_name = ? AND event_source = ? AND event_id = ?")) {
        ps.setString(1, name);
        ps.setString(2, source);
        ps.setString(3, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public long take(String name, int version, String source, String id, JsonNode event, boolean until, Instant at) {
    return tx.run("recording trigger event " + source + "/" + id + " of " + name, c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_trigger_event (definition_name, definition_version,"
          + " event_source, event_id, payload, by_until, taken_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"seq"})) {
        ps.setString(1, name);
        ps.setInt(2, version);
        ps.setString(3, source);
        ps.setString(4, id);
        ps.setString(5, JsonColumns.write(event));
        ps.setBoolean(6, until);
        ps.setLong(7, at.toEpochMilli());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          return keys.getLong(1);
        }
      }
    });
  }

  @Override
  public int used(List<Long> seqs, String instanceId) {
    return tx.run("marking trigger events used by " + instanceId, c -> {
      int n = 0;
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE weft_trigger_event SET instance_id = ? WHERE seq = ? AND instance_id IS NULL")) {
        for (long seq : seqs) {
          ps.setString(1, instanceId);
          ps.setLong(2, seq);
          n += ps.executeUpdate();
        }
      }
      return n;
    });
  }

  @Override
  public String instanceOf(String name, String source, String id) {
    return tx.run("looking up a trigger event", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT instance_id FROM weft_trigger_event"
          + " WHERE definition_name = ? AND event_source = ? AND event_id = ?")) {
        ps.setString(1, name);
        ps.setString(2, source);
        ps.setString(3, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    });
  }
}
