package dev.weft.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.store.RetainedEvent;
import dev.weft.store.RetainedEvents;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link RetainedEvents} on table {@code weft_retained_event}; {@code lockLive} uses {@code FOR UPDATE}. */
public final class JdbcRetainedEvents implements RetainedEvents {
  private final JdbcTransactor tx;

  public JdbcRetainedEvents(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public void retain(JsonNode event, Instant now, Instant until) {
    if (!until.isAfter(now)) {
      throw new IllegalArgumentException("a retained event must expire after it is received: " + until + " is not after " + now);
    }
    tx.run("retaining an event", c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM weft_retained_event WHERE expires_at <= ?")) {
        ps.setLong(1, now.toEpochMilli());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO weft_retained_event (payload, received_at, expires_at) VALUES (?, ?, ?)")) {
        ps.setString(1, JsonColumns.write(event));
        ps.setLong(2, now.toEpochMilli());
        ps.setLong(3, until.toEpochMilli());
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public List<RetainedEvent> lockLive(Instant now, int limit) {
    return tx.run("reading retained events", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT seq, payload, received_at, expires_at FROM weft_retained_event"
          + " WHERE expires_at > ? ORDER BY seq LIMIT ? FOR UPDATE")) {
        ps.setLong(1, now.toEpochMilli());
        ps.setInt(2, limit);
        List<RetainedEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new RetainedEvent(rs.getLong(1), JsonColumns.read(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)),
                Instant.ofEpochMilli(rs.getLong(4))));
          }
        }
        return out;
      }
    });
  }

  @Override
  public boolean remove(long seq) {
    return tx.run("removing retained event " + seq, c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM weft_retained_event WHERE seq = ?")) {
        ps.setLong(1, seq);
        return ps.executeUpdate() == 1;
      }
    });
  }
}
