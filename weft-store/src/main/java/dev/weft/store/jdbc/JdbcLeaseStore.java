package dev.weft.store.jdbc;

import dev.weft.store.LeaseGrant;
import dev.weft.store.LeaseStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link LeaseStore} on table {@code weft_lease}. Every write is one guarded UPDATE (or the first
 * INSERT), so two contenders racing for an expired lease cannot both win: the second's guard no
 * longer matches once the first has committed.
 */
public final class JdbcLeaseStore implements LeaseStore {
  private final JdbcTransactor tx;

  public JdbcLeaseStore(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Optional<LeaseGrant> acquire(String name, String holder, Duration ttl, Instant now) {
    long until = now.plus(ttl).toEpochMilli();
    return tx.run("acquiring lease " + name, c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_lease (name, holder, epoch, expires_at)"
          + " VALUES (?, ?, 1, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, name);
        ps.setString(2, holder);
        ps.setLong(3, until);
        if (ps.executeUpdate() == 1) {
          return read(c, name);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_lease SET expires_at = ?,"
          + " epoch = CASE WHEN holder = ? AND expires_at > ? THEN epoch ELSE epoch + 1 END, holder = ?"
          + " WHERE name = ? AND (holder = ? OR expires_at <= ?)")) {
        ps.setLong(1, until);
        ps.setString(2, holder);
        ps.setLong(3, now.toEpochMilli());
        ps.setString(4, holder);
        ps.setString(5, name);
        ps.setString(6, holder);
        ps.setLong(7, now.toEpochMilli());
        return ps.executeUpdate() == 1 ? read(c, name) : Optional.empty();
      }
    });
  }

  @Override
  public boolean holds(String name, String holder, long epoch, Instant now) {
    return tx.run("checking lease " + name, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_lease SET epoch = epoch"
          + " WHERE name = ? AND holder = ? AND epoch = ? AND expires_at > ?")) {
        ps.setString(1, name);
        ps.setString(2, holder);
        ps.setLong(3, epoch);
        ps.setLong(4, now.toEpochMilli());
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void release(String name, String holder) {
    tx.run("releasing lease " + name, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE weft_lease SET expires_at = 0 WHERE name = ? AND holder = ?")) {
        ps.setString(1, name);
        ps.setString(2, holder);
        return ps.executeUpdate();
      }
    });
  }

  private static Optional<LeaseGrant> read(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT holder, epoch, expires_at FROM weft_lease WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new LeaseGrant(name, rs.getString(1), rs.getLong(2),
            Instant.ofEpochMilli(rs.getLong(3)))) : Optional.empty();
      }
    }
  }
}
