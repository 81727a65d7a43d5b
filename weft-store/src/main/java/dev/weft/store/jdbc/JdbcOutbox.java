package dev.weft.store.jdbc;

import dev.weft.store.NotFoundException;
import dev.weft.store.Outbox;
import dev.weft.store.PendingCommand;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link Outbox} on table {@code weft_command}. */
public final class JdbcOutbox implements Outbox {
  private final JdbcTransactor tx;

  public JdbcOutbox(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public List<PendingCommand> pending(int limit) {
    return tx.run("reading the outbox", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, instance_id, type, payload, created_at"
          + " FROM weft_command WHERE done_at IS NULL ORDER BY created_at, id LIMIT ?")) {
        ps.setInt(1, limit);
        List<PendingCommand> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new PendingCommand(rs.getString(1), rs.getString(2), rs.getString(3),
                JsonColumns.read(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5))));
          }
        }
        return out;
      }
    });
  }

  @Override
  public boolean markDone(String commandId, Instant now) {
    return tx.run("marking command " + commandId + " done", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE weft_command SET done_at = ? WHERE id = ? AND done_at IS NULL")) {
        ps.setLong(1, now.toEpochMilli());
        ps.setString(2, commandId);
        if (ps.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM weft_command WHERE id = ?")) {
        ps.setString(1, commandId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new NotFoundException("command " + commandId);
          }
        }
      }
      return false;
    });
  }
}
