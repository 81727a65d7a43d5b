package dev.weft.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.store.IllegalTransitionException;
import dev.weft.store.Instance;
import dev.weft.store.InstanceStatus;
import dev.weft.store.NotFoundException;
import dev.weft.store.StaleVersionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The one guarded write of an instance's state: lock the row, check the version and the
 * transition table, then write status, snapshot and version + 1 (and keep {@link ActiveInstances}
 * in step). Shared by transitions and
 * decisions so both enforce the same rules.
 */
final class StatusChange {
  private StatusChange() {}

  static long apply(Connection c, String id, long expectedVersion, InstanceStatus to, JsonNode snapshot,
      Instant now) throws SQLException {
    Instance current = InstanceRows.byColumn(c, "id", id, true)
        .orElseThrow(() -> new NotFoundException("instance " + id));
    if (current.version() != expectedVersion) {
      throw new StaleVersionException(id, expectedVersion, current.version());
    }
    if (!current.status().canMoveTo(to)) {
      throw new IllegalTransitionException(id, current.status(), to);
    }
    String releaseLease = to.terminal() ? ", lease_owner = NULL, lease_until = NULL" : "";
    try (PreparedStatement ps = c.prepareStatement("UPDATE weft_instance SET status = ?, snapshot = ?,"
        + " version = ?, updated_at = ?" + releaseLease + " WHERE id = ? AND version = ?")) {
      ps.setString(1, to.name());
      ps.setString(2, JsonColumns.write(snapshot == null ? current.snapshot() : snapshot));
      ps.setLong(3, expectedVersion + 1);
      ps.setLong(4, now.toEpochMilli());
      ps.setString(5, id);
      ps.setLong(6, expectedVersion);
      if (ps.executeUpdate() != 1) {
        throw new StaleVersionException(id, expectedVersion, -1);
      }
    }
    ActiveInstances.moved(c, id, current.status(), to);
    return expectedVersion + 1;
  }
}
