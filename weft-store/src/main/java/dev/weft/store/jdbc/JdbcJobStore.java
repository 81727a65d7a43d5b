package dev.weft.store.jdbc;

import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.ConflictException;
import dev.weft.store.Job;
import dev.weft.store.JobKind;
import dev.weft.store.JobStore;
import dev.weft.store.NewJob;
import dev.weft.store.NewTask;
import dev.weft.store.StoredJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * {@link JobStore} on tables {@code weft_job} and {@code weft_task}. A job's tasks are inserted by one
 * statement over arrays on PostgreSQL, by a JDBC batch on H2.
 */
public final class JdbcJobStore implements JobStore {
  private static final String COLUMNS = "id, name, kind, submitted_at, not_before";
  private final JdbcTransactor tx;
  private final Dialect dialect;

  public JdbcJobStore(JdbcTransactor tx, Dialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
  }

  @Override
  public StoredJob store(NewJob job, Instant now) {
    return tx.run("submitting job " + job.id(), c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_job (" + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, job.id());
        ps.setString(2, job.name());
        ps.setString(3, job.kind().name());
        ps.setLong(4, now.toEpochMilli());
        ps.setObject(5, job.notBefore() == null ? null : job.notBefore().toEpochMilli(), Types.BIGINT);
        boolean created = ps.executeUpdate() == 1;
        if (created) { // the tasks of a delayed job join their queues at its not-before time
          if (dialect == Dialect.POSTGRES) {
            insertTasksAtOnce(c, job, job.queuedAt(now));
          } else {
            insertTasks(c, job, job.queuedAt(now));
          }
        }
        return new StoredJob(byId(c, job.id()).orElseThrow(), created);
      }
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

  @Override
  public int purgeEndedBefore(Instant endedBefore, int limit) {
    return tx.run("deleting jobs that ended before " + endedBefore, c -> PurgeEndedJobs.run(c, endedBefore, limit));
  }

  private static String specText(NewTask t) {
    return t.specText() != null ? t.specText() : JsonColumns.write(t.spec());
  }

  private static void insertTasks(Connection c, NewJob job, Instant queuedAt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_task (id, job_id, name, spec, queue, priority,"
        + " status, attempt, version, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 1, ?) ON CONFLICT DO NOTHING")) {
      for (NewTask t : job.tasks()) {
        ps.setString(1, t.id());
        ps.setString(2, job.id());
        ps.setString(3, t.name());
        ps.setString(4, specText(t));
        ps.setString(5, t.queue());
        ps.setInt(6, t.priority());
        ps.setString(7, TaskState.PENDING.name());
        ps.setLong(8, queuedAt.toEpochMilli());
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

  /** One INSERT over arrays; an id it did not insert is already another job's task (the job's row rolls back with it). */
  private static void insertTasksAtOnce(Connection c, NewJob job, Instant queuedAt) throws SQLException {
    List<NewTask> tasks = job.tasks();
    int n = tasks.size();
    // typed arrays: the PostgreSQL driver sends these in its binary format (an Object[] goes as text)
    String[] ids = new String[n];
    String[] names = new String[n];
    String[] specs = new String[n];
    String[] queues = new String[n];
    Integer[] priorities = new Integer[n];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      NewTask t = tasks.get(i);
      if (!seen.add(t.id())) {
        throw new ConflictException("job " + job.id() + ": task id " + t.id() + " appears twice");
      }
      ids[i] = t.id();
      names[i] = t.name();
      specs[i] = specText(t);
      queues[i] = t.queue();
      priorities[i] = t.priority();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_task (id, job_id, name, spec, queue, priority,"
        + " status, attempt, version, submitted_at, change_xid) SELECT u.id, ?, u.name, u.spec, u.queue, u.priority, ?,"
        + " 0, 1, ?, " + TaskRowWrites.XID
        + " FROM unnest(?::varchar[], ?::varchar[], ?::text[], ?::varchar[], ?::int[]) WITH ORDINALITY"
        + " AS u(id, name, spec, queue, priority, n) ORDER BY u.n ON CONFLICT DO NOTHING RETURNING id")) {
      ps.setString(1, job.id());
      ps.setString(2, TaskState.PENDING.name());
      ps.setLong(3, queuedAt.toEpochMilli());
      ps.setArray(4, c.createArrayOf("varchar", ids));
      ps.setArray(5, c.createArrayOf("varchar", names));
      ps.setArray(6, c.createArrayOf("text", specs));
      ps.setArray(7, c.createArrayOf("varchar", queues));
      ps.setArray(8, c.createArrayOf("int4", priorities));
      Set<String> inserted = Columns.firstColumn(ps);
      for (NewTask t : tasks) {
        if (!inserted.contains(t.id())) {
          throw new ConflictException("job " + job.id() + ": task id " + t.id() + " is already used by another job");
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

  private static Instant notBefore(Object millis) {
    return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
  }

  private static List<Job> read(PreparedStatement ps) throws SQLException {
    List<Job> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Job(rs.getString(1), rs.getString(2), JobKind.valueOf(rs.getString(3)),
            Instant.ofEpochMilli(rs.getLong(4)), notBefore(rs.getObject(5))));
      }
    }
    return out;
  }
}
