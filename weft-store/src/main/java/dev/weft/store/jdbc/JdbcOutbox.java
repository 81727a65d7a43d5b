package dev.weft.store.jdbc;

import dev.weft.store.NotFoundException;
import dev.weft.store.Outbox;
import dev.weft.store.PendingCommand;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@link Outbox} on table {@code weft_command}. */
public final class JdbcOutbox implements Outbox {
  private static final String COLUMNS = "id, instance_id, type, payload, created_at";
  private static final String CLAIMABLE = "done_at IS NULL AND (lease_until IS NULL OR lease_until <= ?)";
  private final JdbcTransactor tx;

  public JdbcOutbox(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public List<PendingCommand> pending(int limit) {
    return tx.run("reading the outbox", c -> select(c, "SELECT " + COLUMNS
        + " FROM weft_command WHERE done_at IS NULL ORDER BY created_at, id LIMIT ?", null, limit));
  }

  @Override
  public List<PendingCommand> claim(String owner, Duration lease, Instant now, int limit) {
    return tx.run("claiming commands for " + owner, c -> {
      List<PendingCommand> candidates = select(c, "SELECT " + COLUMNS + " FROM weft_command WHERE " + CLAIMABLE
          + " ORDER BY created_at, id LIMIT ? FOR UPDATE SKIP LOCKED", now.toEpochMilli(), limit);
      List<PendingCommand> claimed = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_command SET lease_owner = ?, lease_until = ?"
          + " WHERE id = ? AND " + CLAIMABLE)) {
        for (PendingCommand p : candidates) {
          ps.setString(1, owner);
          ps.setLong(2, now.plus(lease).toEpochMilli());
          ps.setString(3, p.id());
          ps.setLong(4, now.toEpochMilli());
          if (ps.executeUpdate() == 1) {
            claimed.add(p);
          }
        }
      }
      return claimed;
    });
  }

  /**
   * One short transaction per command: the engine's group committer marks the same rows done in
   * its batches, and a renewal holding several row locks at once could deadlock with it.
   */
  @Override
  public Set<String> renew(String owner, Collection<String> commandIds, Duration lease, Instant now) {
    Set<String> renewed = new HashSet<>();
    for (String id : commandIds) {
      boolean extended = tx.run("renewing the lease of command " + id, c -> {
        try (PreparedStatement ps = c.prepareStatement("UPDATE weft_command"
            + " SET lease_until = CASE WHEN done_at IS NULL THEN ? ELSE lease_until END"
            + " WHERE id = ? AND lease_owner = ? AND (done_at IS NOT NULL OR lease_until > ?)")) {
          ps.setLong(1, now.plus(lease).toEpochMilli());
          ps.setString(2, id);
          ps.setString(3, owner);
          ps.setLong(4, now.toEpochMilli());
          return ps.executeUpdate() == 1;
        }
      });
      if (extended) {
        renewed.add(id);
      }
    }
    return renewed;
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

  @Override
  public void park(String commandId, Instant until) {
    tx.run("parking command " + commandId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE weft_command SET lease_owner = NULL, lease_until = ? WHERE id = ? AND done_at IS NULL")) {
        ps.setLong(1, until.toEpochMilli());
        ps.setString(2, commandId);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void wake(Collection<String> commandIds) {
    if (commandIds.isEmpty()) {
      return;
    }
    tx.run("waking " + commandIds.size() + " parked command(s)", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_command SET lease_until = NULL"
          + " WHERE id = ? AND done_at IS NULL AND lease_owner IS NULL")) {
        for (String id : commandIds) {
          ps.setString(1, id);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  /** Runs a query over {@link #COLUMNS} with an optional time parameter, then the limit. */
  private static List<PendingCommand> select(Connection c, String sql, Long now, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int n = 1;
      if (now != null) {
        ps.setLong(n++, now);
      }
      ps.setInt(n, limit);
      List<PendingCommand> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new PendingCommand(rs.getString(1), rs.getString(2), rs.getString(3),
              JsonColumns.read(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5))));
        }
      }
      return out;
    }
  }
}
