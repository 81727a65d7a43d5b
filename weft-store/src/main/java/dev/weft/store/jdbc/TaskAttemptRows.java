package dev.weft.store.jdbc;

import dev.weft.store.TaskRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code weft_task_attempt} (V22): the node each earlier attempt of a task was placed on, written by
 * the {@code REQUEUE} that ends the attempt, read by the log intake to take an earlier attempt's
 * output only from that node.
 */
final class TaskAttemptRows {
  private TaskAttemptRows() {
  }

  /** Records the node of each attempt being queued again (one never placed has none: nothing to record). */
  static void keep(Connection c, List<TaskRecord> requeued, Instant now) throws SQLException {
    List<TaskRecord> placed = requeued.stream().filter(t -> t.nodeId() != null).toList();
    if (placed.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO weft_task_attempt (task_id, attempt, node_id, requeued_at) VALUES (?, ?, ?, ?)")) {
      for (TaskRecord t : placed) {
        ps.setString(1, t.id());
        ps.setInt(2, t.attempt());
        ps.setString(3, t.nodeId());
        ps.setLong(4, now.toEpochMilli());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The node recorded for {@code attempt} of the task, if any. */
  static Optional<String> nodeOf(Connection c, String taskId, int attempt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT node_id FROM weft_task_attempt WHERE task_id = ? AND attempt = ?")) {
      ps.setString(1, taskId);
      ps.setInt(2, attempt);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }
}
