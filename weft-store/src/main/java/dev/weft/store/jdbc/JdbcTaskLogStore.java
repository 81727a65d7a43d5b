package dev.weft.store.jdbc;

import dev.weft.store.LogAppend;
import dev.weft.store.LogBytes;
import dev.weft.store.LogExtent;
import dev.weft.store.LogPiece;
import dev.weft.store.TaskLogStore;
import dev.weft.store.TaskStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link TaskLogStore} on tables {@code weft_task_log} (one row per stream: the extent, and the
 * lock taken with {@code FOR UPDATE} before an append) and {@code weft_task_log_chunk} (the bytes).
 */
public final class JdbcTaskLogStore implements TaskLogStore {
  private static final String KEY = "task_id = ? AND attempt = ? AND stream = ?";
  private final JdbcTransactor tx;

  public JdbcTaskLogStore(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public int purgeEndedBefore(Instant endedBefore, int limit) {
    return tx.run("deleting the logs of tasks that ended before " + endedBefore, c -> {
      List<String> tasks = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT t.id, t.finished_at FROM weft_task_log l" // the few with logs,
          + " JOIN weft_task t ON t.id = l.task_id WHERE t.status IN ('SUCCEEDED', 'FAILED', 'CANCELLED')" // not all tasks
          + " AND t.finished_at < ? ORDER BY t.finished_at, t.id LIMIT ?")) {
        ps.setLong(1, endedBefore.toEpochMilli());
        ps.setInt(2, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            tasks.add(rs.getString(1));
          }
        }
      }
      for (String table : List.of("weft_task_log_chunk", "weft_task_log")) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE task_id = ?")) {
          for (String task : tasks) {
            ps.setString(1, task);
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
      return tasks.size();
    });
  }

  @Override
  public LogExtent append(LogPiece piece, long limit, Instant now) {
    return tx.run("storing the " + piece.stream().label() + " of task " + piece.taskId(), c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_task_log (task_id, attempt, stream, kept,"
          + " written, dropped, ended, updated_at) VALUES (?, ?, ?, 0, 0, 0, FALSE, ?) ON CONFLICT DO NOTHING")) {
        key(ps, piece.taskId(), piece.attempt(), piece.stream());
        ps.setLong(4, now.toEpochMilli());
        ps.executeUpdate();
      }
      LogExtent before = extent(c, piece.taskId(), piece.attempt(), piece.stream(), true).orElseThrow();
      LogAppend plan = LogAppend.of(before, piece, limit);
      if (plan.data().length > 0) {
        insertChunk(c, piece, plan);
      }
      LogExtent after = plan.after();
      if (plan.trimBelow() > before.first()) {
        after = new LogExtent(trim(c, piece, plan.trimBelow(), after.kept()), after.kept(), after.written(), after.ended());
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_task_log SET first_offset = ?, kept = ?, written = ?,"
          + " dropped = ?, ended = ?, updated_at = ? WHERE " + KEY)) {
        ps.setLong(1, after.first());
        ps.setLong(2, after.kept());
        ps.setLong(3, after.written());
        ps.setLong(4, after.dropped());
        ps.setBoolean(5, after.ended());
        ps.setLong(6, now.toEpochMilli());
        ps.setString(7, piece.taskId());
        ps.setInt(8, piece.attempt());
        ps.setString(9, piece.stream().label());
        ps.executeUpdate();
      }
      return after;
    });
  }

  /** Lets go of the chunks that end at or before {@code below}; returns where the stored bytes now start. */
  private static long trim(Connection c, LogPiece piece, long below, long kept) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM weft_task_log_chunk WHERE " + KEY
        + " AND byte_offset + length <= ?")) {
      key(ps, piece.taskId(), piece.attempt(), piece.stream());
      ps.setLong(4, below);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT MIN(byte_offset) FROM weft_task_log_chunk WHERE " + KEY)) {
      key(ps, piece.taskId(), piece.attempt(), piece.stream());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long first = rs.getLong(1);
        return rs.wasNull() ? kept : first;
      }
    }
  }

  private static void insertChunk(Connection c, LogPiece piece, LogAppend plan) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_task_log_chunk (task_id, attempt, stream,"
        + " byte_offset, length, data) VALUES (?, ?, ?, ?, ?, ?)")) {
      key(ps, piece.taskId(), piece.attempt(), piece.stream());
      ps.setLong(4, plan.offset());
      ps.setInt(5, plan.data().length);
      ps.setBytes(6, plan.data());
      ps.executeUpdate();
    }
  }

  @Override
  public LogExtent extent(String taskId, int attempt, TaskStream stream) {
    return tx.run("reading the " + stream.label() + " extent of task " + taskId,
        c -> extent(c, taskId, attempt, stream, false).orElse(LogExtent.NONE));
  }

  private static Optional<LogExtent> extent(Connection c, String taskId, int attempt, TaskStream stream, boolean lock)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT first_offset, kept, written, ended FROM weft_task_log WHERE "
        + KEY + (lock ? " FOR UPDATE" : ""))) {
      key(ps, taskId, attempt, stream);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new LogExtent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)))
            : Optional.empty();
      }
    }
  }

  @Override
  public List<LogBytes> read(String taskId, int attempt, TaskStream stream, long from, int maxBytes) {
    return tx.run("reading the " + stream.label() + " of task " + taskId, c -> {
      List<LogBytes> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT byte_offset, data FROM weft_task_log_chunk WHERE " + KEY
          + " AND byte_offset + length > ? ORDER BY byte_offset")) {
        key(ps, taskId, attempt, stream);
        ps.setLong(4, from);
        ps.setFetchSize(16);
        try (ResultSet rs = ps.executeQuery()) {
          long at = from;
          int left = maxBytes;
          while (left > 0 && rs.next()) {
            long offset = rs.getLong(1);
            byte[] data = rs.getBytes(2);
            if (offset > at && out.isEmpty()) {
              at = offset; // the bytes before were let go (only the newest are kept): start where the stored ones do
            } else if (offset > at) {
              break; // appends leave no gaps; stop rather than hand out bytes at the wrong offset
            }
            int skip = (int) (at - offset);
            int take = Math.min(left, data.length - skip);
            out.add(new LogBytes(stream, at, Arrays.copyOfRange(data, skip, skip + take)));
            at += take;
            left -= take;
          }
        }
      }
      return out;
    });
  }

  private static void key(PreparedStatement ps, String taskId, int attempt, TaskStream stream) throws SQLException {
    ps.setString(1, taskId);
    ps.setInt(2, attempt);
    ps.setString(3, stream.label());
  }
}
