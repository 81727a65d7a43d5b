package dev.weft.store.jdbc;

import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.ConflictException;
import dev.weft.store.Job;
import dev.weft.store.JobKind;
import dev.weft.store.JobStore;
import dev.weft.store.NewJob;
import dev.weft.store.NewTask;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link JobStore} on tables {@code weft_job} and {@code weft_task}. */
public final class JdbcJobStore implements JobStore {
  private static final String COLUMNS = "id, name, kind, submitted_at";
  private final JdbcTransactor tx;

  public JdbcJobStore(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Job submit(NewJob job, Instant now) {
    return tx.run("submitting job " + job.id(), c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_job (" + COLUMNS
          + ") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, job.id());
        ps.setString(2, job.name());
        ps.setString(3, job.kind().name());
        ps.setLong(4, now.toEpochMilli());
        if (ps.executeUpdate() == 1) {
          insertTasks(c, job, now);
        }
      }
      return byId(c, job.id()).orElseThrow();
    });
  }

  @Override
  public Optional<Job> find(String id) {
    return tx.run("reading job " + id, c -> byId(c, id));
  }

  @Override
  public List<Job> list(int limit) {
    return tx.run("listing jobs", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
          + " FROM weft_job ORDER BY submitted_at DESC, id DESC LIMIT ?")) {
        ps.setInt(1, limit);
        return read(ps);
      }
    });
  }

  private static void insertTasks(Connection c, NewJob job, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_task (id, job_id, name, spec, queue, priority,"
        + " status, attempt, version, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 1, ?) ON CONFLICT DO NOTHING")) {
      for (NewTask t : job.tasks()) {
        ps.setString(1, t.id());
        ps.setString(2, job.id());
        ps.setString(3, t.name());
        ps.setString(4, JsonColumns.write(t.spec()));
        ps.setString(5, t.queue());
        ps.setInt(6, t.priority());
        ps.setString(7, TaskState.PENDING.name());
        ps.setLong(8, now.toEpochMilli());
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          throw new ConflictException("job " + job.id() + ": task id " + job.tasks().get(i).id()
              + " is already used by another job");
        }
      }
    }
  }

  private static Optional<Job> byId(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM weft_job WHERE id = ?")) {
      ps.setString(1, id);
      return read(ps).stream().findFirst();
    }
  }

  private static List<Job> read(PreparedStatement ps) throws SQLException {
    List<Job> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Job(rs.getString(1), rs.getString(2), JobKind.valueOf(rs.getString(3)),
            Instant.ofEpochMilli(rs.getLong(4))));
      }
    }
    return out;
  }
}
