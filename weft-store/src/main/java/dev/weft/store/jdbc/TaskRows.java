package dev.weft.store.jdbc;

import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.TaskRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code weft_task} rows into {@link TaskRecord}s. */
final class TaskRows {
  static final String COLUMNS = "id, job_id, name, spec, queue, priority, status, attempt, node_id, version,"
      + " submitted_at, placed_at, sent_at, started_at, finished_at, exit_code, message";
  /** {@link #COLUMNS} without the spec. */
  static final String COLUMNS_WITHOUT_SPEC = COLUMNS.replace(" spec,", "");
  /** {@link #COLUMNS} of a table aliased {@code t} (a join, or {@code RETURNING} after one). */
  static final String COLUMNS_OF_T = "t." + String.join(", t.", COLUMNS.split(",\\s*"));

  private TaskRows() {
  }

  static Optional<TaskRecord> byId(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM weft_task WHERE id = ?")) {
      ps.setString(1, id);
      return read(ps).stream().findFirst();
    }
  }

  static List<TaskRecord> read(PreparedStatement ps) throws SQLException {
    return read(ps, true);
  }

  /** The rows, each with its spec parsed, or ({@code withSpec} false) with a null spec and no spec column read. */
  static List<TaskRecord> read(PreparedStatement ps, boolean withSpec) throws SQLException {
    List<TaskRecord> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new TaskRecord(rs.getString("id"), rs.getString("job_id"), rs.getString("name"),
            withSpec ? JsonColumns.read(rs.getString("spec")) : null, rs.getString("queue"), rs.getInt("priority"),
            TaskState.valueOf(rs.getString("status")), rs.getInt("attempt"), rs.getString("node_id"),
            rs.getLong("version"), Instant.ofEpochMilli(rs.getLong("submitted_at")),
            Columns.instant(rs, "placed_at"), Columns.instant(rs, "sent_at"), Columns.instant(rs, "started_at"),
            Columns.instant(rs, "finished_at"), Columns.integer(rs, "exit_code"), rs.getString("message")));
      }
    }
    return out;
  }
}
