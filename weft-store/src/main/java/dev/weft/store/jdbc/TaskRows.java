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
  /** {@link #COLUMNS_OF_T} without the spec. */
  static final String COLUMNS_OF_T_WITHOUT_SPEC = COLUMNS_OF_T.replace(" t.spec,", "");

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
      // the columns by position, found once (by name, the driver looks each up in a map for every row)
      int id = rs.findColumn("id");
      int jobId = rs.findColumn("job_id");
      int name = rs.findColumn("name");
      int spec = withSpec ? rs.findColumn("spec") : -1;
      int queue = rs.findColumn("queue");
      int priority = rs.findColumn("priority");
      int status = rs.findColumn("status");
      int attempt = rs.findColumn("attempt");
      int nodeId = rs.findColumn("node_id");
      int version = rs.findColumn("version");
      int submittedAt = rs.findColumn("submitted_at");
      int placedAt = rs.findColumn("placed_at");
      int sentAt = rs.findColumn("sent_at");
      int startedAt = rs.findColumn("started_at");
      int finishedAt = rs.findColumn("finished_at");
      int exitCode = rs.findColumn("exit_code");
      int message = rs.findColumn("message");
      while (rs.next()) {
        out.add(new TaskRecord(rs.getString(id), rs.getString(jobId), rs.getString(name),
            withSpec ? JsonColumns.read(rs.getString(spec)) : null, rs.getString(queue), rs.getInt(priority),
            TaskState.valueOf(rs.getString(status)), rs.getInt(attempt), rs.getString(nodeId),
            rs.getLong(version), Instant.ofEpochMilli(rs.getLong(submittedAt)),
            Columns.instant(rs, placedAt), Columns.instant(rs, sentAt), Columns.instant(rs, startedAt),
            Columns.instant(rs, finishedAt), Columns.integer(rs, exitCode), rs.getString(message)));
      }
    }
    return out;
  }
}
