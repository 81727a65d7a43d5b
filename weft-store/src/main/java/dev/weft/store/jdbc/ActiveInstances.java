package dev.weft.store.jdbc;

import dev.weft.store.InstanceStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@code weft_instance_active}: the ids of the instances that are not finished, kept in step with
 * their status in the same transaction. It stands in for an index over every instance's status,
 * which every finished instance would keep paying for.
 */
final class ActiveInstances {
  /** A subquery of the unfinished instances' ids, for {@code id IN (...)}. */
  static final String IDS = "SELECT id FROM weft_instance_active";

  private ActiveInstances() {}

  /** Records the status an instance was created in. */
  static void created(Connection c, String id, InstanceStatus status) throws SQLException {
    if (!status.terminal()) {
      add(c, id);
    }
  }

  /** Records a status change: an instance that ends leaves the table, one that resumes (retry) joins it. */
  static void moved(Connection c, String id, InstanceStatus from, InstanceStatus to) throws SQLException {
    if (!from.terminal() && to.terminal()) {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM weft_instance_active WHERE id = ?")) {
        ps.setString(1, id);
        ps.executeUpdate();
      }
    } else if (from.terminal() && !to.terminal()) {
      add(c, id);
    }
  }

  private static void add(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_instance_active (id) VALUES (?)"
        + " ON CONFLICT DO NOTHING")) {
      ps.setString(1, id);
      ps.executeUpdate();
    }
  }
}
