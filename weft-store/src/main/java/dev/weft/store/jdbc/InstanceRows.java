package dev.weft.store.jdbc;

import dev.weft.store.Instance;
import dev.weft.store.InstanceStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading {@code weft_instance} rows into {@link Instance} records. */
final class InstanceRows {
  static final String COLUMNS = "id, idempotency_key, definition_name, definition_version, status,"
      + " snapshot, version, lease_owner, lease_until, created_at, updated_at";

  private InstanceRows() {}

  static Optional<Instance> byColumn(Connection c, String column, String value, boolean forUpdate)
      throws SQLException {
    String sql = "SELECT " + COLUMNS + " FROM weft_instance WHERE " + column + " = ?"
        + (forUpdate ? " FOR UPDATE" : "");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      List<Instance> found = read(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  static List<Instance> read(PreparedStatement ps) throws SQLException {
    List<Instance> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(one(rs));
      }
    }
    return out;
  }

  private static Instance one(ResultSet rs) throws SQLException {
    long leaseUntil = rs.getLong(9);
    Instant lease = JsonColumns.instant(leaseUntil, rs.wasNull());
    return new Instance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
        InstanceStatus.valueOf(rs.getString(5)), JsonColumns.read(rs.getString(6)), rs.getLong(7),
        rs.getString(8), lease, Instant.ofEpochMilli(rs.getLong(10)), Instant.ofEpochMilli(rs.getLong(11)));
  }
}
