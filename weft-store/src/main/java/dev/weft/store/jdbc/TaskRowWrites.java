package dev.weft.store.jdbc;

import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.StaleVersionException;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskRecord;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Whole-row task updates, each guarded by the version of the record it started from (a row at
 * another version fails them all with {@link StaleVersionException}), each taking the next change
 * sequence number. On PostgreSQL one statement joins the rows to arrays of the new values
 * ({@code UPDATE ... FROM unnest(...)}); on H2 a JDBC batch of single-row updates. Each task must
 * appear once (a chain of changes to one task is written as its last record).
 */
final class TaskRowWrites {
  /** One row to write: {@code after} where the row still holds {@code before}'s version. */
  record Write(TaskRecord before, TaskRecord after) {}

  /** The next change number. */
  static final String NEXT_CHANGE = "nextval('weft_task_change_seq')";
  /** The writing transaction's id (PostgreSQL). */
  static final String XID = "pg_current_xact_id()::text::bigint";
  private static final String SET = "status = ?, version = ?, attempt = ?, node_id = ?, placed_at = ?, sent_at = ?,"
      + " started_at = ?, finished_at = ?, exit_code = ?, message = ?, " + change(Dialect.H2);

  /** The SET clause marking a write as a change: its number, and on PostgreSQL its transaction. */
  static String change(Dialect dialect) {
    return "change_seq = " + NEXT_CHANGE + (dialect == Dialect.POSTGRES ? ", change_xid = " + XID : "");
  }

  private TaskRowWrites() {
  }

  static void write(Connection c, Dialect dialect, List<Write> writes) throws SQLException {
    if (writes.isEmpty()) {
      return;
    }
    if (dialect == Dialect.POSTGRES) {
      joined(c, writes);
    } else {
      batched(c, writes);
    }
  }

  private static void batched(Connection c, List<Write> writes) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE weft_task SET " + SET + " WHERE id = ? AND version = ?")) {
      for (Write w : writes) {
        TaskRecord a = w.after();
        ps.setString(1, a.status().name());
        ps.setLong(2, a.version());
        ps.setInt(3, a.attempt());
        ps.setString(4, a.nodeId());
        Columns.setInstant(ps, 5, a.placedAt());
        Columns.setInstant(ps, 6, a.sentAt());
        Columns.setInstant(ps, 7, a.startedAt());
        Columns.setInstant(ps, 8, a.finishedAt());
        Columns.setInteger(ps, 9, a.exitCode());
        ps.setString(10, a.message());
        ps.setString(11, a.id());
        ps.setLong(12, w.before().version());
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          throw stale(writes.get(i));
        }
      }
    }
  }

  /** One statement for all rows; the ids it returns are the rows that matched their version. */
  private static void joined(Connection c, List<Write> writes) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE weft_task t SET status = u.status, version = u.version,"
        + " attempt = u.attempt, node_id = u.node_id, placed_at = u.placed_at, sent_at = u.sent_at,"
        + " started_at = u.started_at, finished_at = u.finished_at, exit_code = u.exit_code, message = u.message, "
        + change(Dialect.POSTGRES)
        + " FROM unnest(?::varchar[], ?::bigint[], ?::varchar[], ?::bigint[], ?::int[], ?::varchar[], ?::bigint[],"
        + " ?::bigint[], ?::bigint[], ?::bigint[], ?::int[], ?::text[]) AS u(id, expected, status, version, attempt,"
        + " node_id, placed_at, sent_at, started_at, finished_at, exit_code, message)"
        + " WHERE t.id = u.id AND t.version = u.expected RETURNING t.id")) {
      ps.setArray(1, array(c, "varchar", writes, w -> w.after().id()));
      ps.setArray(2, array(c, "bigint", writes, w -> w.before().version()));
      ps.setArray(3, array(c, "varchar", writes, w -> w.after().status().name()));
      ps.setArray(4, array(c, "bigint", writes, w -> w.after().version()));
      ps.setArray(5, array(c, "int4", writes, w -> w.after().attempt()));
      ps.setArray(6, array(c, "varchar", writes, w -> w.after().nodeId()));
      ps.setArray(7, array(c, "bigint", writes, w -> millis(w.after().placedAt())));
      ps.setArray(8, array(c, "bigint", writes, w -> millis(w.after().sentAt())));
      ps.setArray(9, array(c, "bigint", writes, w -> millis(w.after().startedAt())));
      ps.setArray(10, array(c, "bigint", writes, w -> millis(w.after().finishedAt())));
      ps.setArray(11, array(c, "int4", writes, w -> w.after().exitCode()));
      ps.setArray(12, array(c, "text", writes, w -> w.after().message()));
      Set<String> matched = Columns.firstColumn(ps);
      for (Write w : writes) {
        if (!matched.contains(w.after().id())) {
          throw stale(w);
        }
      }
    }
  }

  /**
   * An array of one column's new values, typed by its SQL type ({@code String[]}, {@code Long[]},
   * {@code Integer[]}): the PostgreSQL driver sends a typed array in its binary format, an
   * {@code Object[]} as text that it escapes element by element and the server parses again.
   */
  private static <T> Array array(Connection c, String type, List<Write> writes, Function<Write, T> value)
      throws SQLException {
    Object[] values = switch (type) {
      case "bigint" -> new Long[writes.size()];
      case "int4" -> new Integer[writes.size()];
      case "varchar", "text" -> new String[writes.size()];
      default -> throw new IllegalArgumentException("no array type for " + type);
    };
    for (int i = 0; i < values.length; i++) {
      values[i] = value.apply(writes.get(i));
    }
    return c.createArrayOf(type, values);
  }

  private static Long millis(Instant t) {
    return t == null ? null : t.toEpochMilli();
  }

  private static StaleVersionException stale(Write w) {
    return new StaleVersionException("task", w.before().id(), w.before().version(), -1);
  }

  /**
   * Placements of rows still {@code PENDING} at the versions read, as {@code TaskTransition} computes a
   * PLACE (node, placing time, hand-out cleared, version one up), in SQL; {@code placed} is the state
   * the lifecycle table gives. The tasks in {@code handedOut} are marked taken by their agent at
   * {@code now} instead of cleared.
   */
  static void place(Connection c, Dialect dialect, List<TaskChange> placements, Set<String> handedOut,
                    TaskState placed, Instant now) throws SQLException {
    if (placements.isEmpty()) {
      return;
    }
    Long[] sentAt = placements.stream().map(p -> handedOut.contains(p.taskId()) ? now.toEpochMilli() : null)
        .toArray(Long[]::new);
    String set = "status = ?, version = version + 1, placed_at = ?, " + change(dialect);
    if (dialect == Dialect.POSTGRES) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_task t SET " + set + ", node_id = u.node_id,"
          + " sent_at = u.sent_at FROM unnest(?::varchar[], ?::bigint[], ?::varchar[], ?::bigint[])"
          + " AS u(id, expected, node_id, sent_at)"
          + " WHERE t.id = u.id AND t.version = u.expected AND t.status = 'PENDING' RETURNING t.id")) {
        ps.setString(1, placed.name());
        ps.setLong(2, now.toEpochMilli());
        ps.setArray(3, c.createArrayOf("varchar", placements.stream().map(TaskChange::taskId).toArray(String[]::new)));
        ps.setArray(4, c.createArrayOf("bigint", placements.stream().map(TaskChange::expectedVersion).toArray(Long[]::new)));
        ps.setArray(5, c.createArrayOf("varchar", placements.stream().map(TaskChange::nodeId).toArray(String[]::new)));
        ps.setArray(6, c.createArrayOf("bigint", sentAt));
        Set<String> matched = Columns.firstColumn(ps);
        for (TaskChange p : placements) {
          if (!matched.contains(p.taskId())) {
            throw new StaleVersionException("task", p.taskId(), p.expectedVersion(), -1);
          }
        }
      }
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE weft_task SET " + set + ", node_id = ?, sent_at = ?"
        + " WHERE id = ? AND version = ? AND status = 'PENDING'")) {
      for (int i = 0; i < placements.size(); i++) {
        TaskChange p = placements.get(i);
        ps.setString(1, placed.name());
        ps.setLong(2, now.toEpochMilli());
        ps.setString(3, p.nodeId());
        Columns.setInstant(ps, 4, sentAt[i] == null ? null : now);
        ps.setString(5, p.taskId());
        ps.setLong(6, p.expectedVersion());
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          TaskChange p = placements.get(i);
          throw new StaleVersionException("task", p.taskId(), p.expectedVersion(), -1);
        }
      }
    }
  }
}
