package dev.weft.store.jdbc;

import dev.weft.store.NotFoundException;
import dev.weft.store.Timer;
import dev.weft.store.TimerStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link TimerStore} on table {@code weft_timer}. */
public final class JdbcTimerStore implements TimerStore {
  private final JdbcTransactor tx;

  public JdbcTimerStore(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public boolean schedule(Timer t) {
    return tx.run("scheduling timer " + t.id(), c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_timer (id, instance_id, due_at, payload,"
          + " fired_at) VALUES (?, ?, ?, ?, NULL) ON CONFLICT DO NOTHING")) {
        ps.setString(1, t.id());
        ps.setString(2, t.instanceId());
        ps.setLong(3, t.dueAt().toEpochMilli());
        ps.setString(4, JsonColumns.write(t.payload()));
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public List<Timer> due(Instant now, int limit) {
    return tx.run("reading due timers", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, instance_id, due_at, payload FROM weft_timer"
          + " WHERE fired_at IS NULL AND due_at <= ? ORDER BY due_at, id LIMIT ?")) {
        ps.setLong(1, now.toEpochMilli());
        ps.setInt(2, limit);
        List<Timer> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Timer(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                JsonColumns.read(rs.getString(4))));
          }
        }
        return out;
      }
    });
  }

  @Override
  public boolean markFired(String id, Instant now) {
    return tx.run("firing timer " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE weft_timer SET fired_at = ? WHERE id = ? AND fired_at IS NULL")) {
        ps.setLong(1, now.toEpochMilli());
        ps.setString(2, id);
        if (ps.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM weft_timer WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new NotFoundException("timer " + id);
          }
        }
      }
      return false;
    });
  }
}
