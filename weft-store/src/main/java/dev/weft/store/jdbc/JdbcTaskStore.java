package dev.weft.store.jdbc;

import dev.weft.model.lifecycle.TaskEvent;
import dev.weft.model.lifecycle.TaskLifecycle;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.ChangeCursor;
import dev.weft.store.ChangedTask;
import dev.weft.store.ChangedTasks;
import dev.weft.store.NotFoundException;
import dev.weft.store.StaleVersionException;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskRecord;
import dev.weft.store.TaskStore;
import dev.weft.store.TaskTransition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link TaskStore} on table {@code weft_task}; the agent poll uses {@code FOR UPDATE SKIP LOCKED}.
 * On PostgreSQL a batch of row writes is one statement over arrays and the poll one
 * {@code UPDATE ... RETURNING}; on H2 they are JDBC batches.
 */
public final class JdbcTaskStore implements TaskStore {
  private static final int IDS_PER_QUERY = 500;
  private static final String DUE = "node_id = ? AND status = 'PLACED' AND sent_at IS NULL";
  private final JdbcTransactor tx;
  private final Dialect dialect;

  public JdbcTaskStore(JdbcTransactor tx, Dialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
  }

  @Override
  public Optional<TaskRecord> find(String id) {
    return tx.run("reading task " + id, c -> TaskRows.byId(c, id));
  }

  @Override
  public List<TaskRecord> ofJob(String jobId) {
    return tx.run("reading the tasks of job " + jobId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + TaskRows.COLUMNS
          + " FROM weft_task WHERE job_id = ? ORDER BY submitted_at, id")) {
        ps.setString(1, jobId);
        return TaskRows.read(ps);
      }
    });
  }

  @Override
  public Map<TaskState, Integer> countsOfJob(String jobId) {
    return tx.run("counting the tasks of job " + jobId, c -> {
      Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT status, COUNT(*) FROM weft_task WHERE job_id = ? GROUP BY status")) {
        ps.setString(1, jobId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            counts.put(TaskState.valueOf(rs.getString(1)), rs.getInt(2));
          }
        }
      }
      return counts;
    });
  }

  @Override
  public List<TaskRecord> withStatus(Set<TaskState> statuses, int limit) {
    if (statuses.isEmpty()) {
      return List.of();
    }
    String in = statuses.stream().map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(", "));
    return tx.run("reading tasks " + statuses, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + TaskRows.COLUMNS + " FROM weft_task WHERE status IN ("
          + in + ") ORDER BY submitted_at, id LIMIT ?")) {
        ps.setInt(1, limit);
        return TaskRows.read(ps);
      }
    });
  }

  @Override
  public List<TaskRecord> onNode(String nodeId) {
    return tx.run("reading the tasks on node " + nodeId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + TaskRows.COLUMNS
          + " FROM weft_task WHERE node_id = ? AND status IN ('PLACED', 'RUNNING') UNION ALL SELECT " + TaskRows.COLUMNS
          + " FROM weft_task WHERE node_id = ? AND status = 'SUSPENDED' ORDER BY placed_at, id")) { // two index ranges
        ps.setString(1, nodeId);
        ps.setString(2, nodeId);
        return TaskRows.read(ps);
      }
    });
  }

  @Override
  public TaskRecord apply(TaskChange change, Instant now) {
    String id = change.taskId();
    return tx.run(change.event() + " of task " + id, c -> {
      TaskRecord before = TaskRows.byId(c, id).orElseThrow(() -> new NotFoundException("task " + id));
      if (before.version() != change.expectedVersion()) {
        throw new StaleVersionException("task", id, change.expectedVersion(), before.version());
      }
      TaskState to = TaskLifecycle.apply(id, before.status(), change.event());
      if (write(c, change, to, now) != 1) {
        long actual = TaskRows.byId(c, id).map(TaskRecord::version).orElse(-1L);
        throw new StaleVersionException("task", id, change.expectedVersion(), actual);
      }
      if (change.event() == TaskEvent.REQUEUE) {
        TaskAttemptRows.keep(c, List.of(before), now);
      }
      return TaskRows.byId(c, id).orElseThrow();
    });
  }

  @Override
  public Optional<String> nodeOfEarlierAttempt(String taskId, int attempt) {
    return tx.run("reading the node of attempt " + attempt + " of task " + taskId,
        c -> TaskAttemptRows.nodeOf(c, taskId, attempt));
  }

  /** One UPDATE per event kind, guarded by the version read. */
  private int write(Connection c, TaskChange change, TaskState to, Instant now) throws SQLException {
    String set = switch (change.event()) {
      case PLACE -> "node_id = ?, placed_at = ?, sent_at = NULL";
      case START -> "started_at = ?";
      case SUCCEED, FAIL, PREEMPT, LOSE, CANCEL -> "finished_at = ?, exit_code = ?, message = ?";
      case REQUEUE -> "attempt = attempt + 1, node_id = NULL, placed_at = NULL, sent_at = NULL,"
          + " started_at = NULL, finished_at = NULL, exit_code = NULL";
      case SUSPEND, RESUME -> "message = ?";
    };
    try (PreparedStatement ps = c.prepareStatement("UPDATE weft_task SET status = ?, version = version + 1, " + set
        + ", " + TaskRowWrites.change(dialect) + " WHERE id = ? AND version = ?")) {
      int n = 1;
      ps.setString(n++, to.name());
      switch (change.event()) {
        case PLACE -> {
          ps.setString(n++, change.nodeId());
          ps.setLong(n++, now.toEpochMilli());
        }
        case START -> ps.setLong(n++, now.toEpochMilli());
        case SUCCEED, FAIL, PREEMPT, LOSE, CANCEL -> {
          ps.setLong(n++, now.toEpochMilli());
          Columns.setInteger(ps, n++, change.exitCode());
          ps.setString(n++, change.message());
        }
        case REQUEUE -> { }
        case SUSPEND, RESUME -> ps.setString(n++, change.message());
      }
      ps.setString(n++, change.taskId());
      ps.setLong(n, change.expectedVersion());
      return ps.executeUpdate();
    }
  }

  @Override
  public void placeAll(List<TaskChange> placements, Set<String> handedOut, Instant now) {
    Set<String> ids = new HashSet<>();
    for (TaskChange p : placements) {
      if (p.event() != TaskEvent.PLACE || p.nodeId() == null) {
        throw new IllegalArgumentException("placeAll takes placements only, got " + p.event() + " of task " + p.taskId());
      }
      if (!ids.add(p.taskId())) {
        throw new IllegalArgumentException("placeAll names task " + p.taskId() + " twice");
      }
    }
    if (!ids.containsAll(handedOut)) {
      throw new IllegalArgumentException("placeAll hands out tasks it does not place: " + handedOut.stream()
          .filter(id -> !ids.contains(id)).sorted().toList());
    }
    if (placements.isEmpty()) {
      return;
    }
    // the lifecycle table's row for a pending task; the SQL writes only rows still pending
    TaskState placed = TaskLifecycle.apply(placements.getFirst().taskId(), TaskState.PENDING, TaskEvent.PLACE);
    tx.run("placing " + placements.size() + " tasks", c -> {
      TaskRowWrites.place(c, dialect, placements, handedOut, placed, now);
      return null;
    });
  }


  @Override
  public Map<String, TaskRecord> findAll(Collection<String> ids) {
    return findAll(ids, true);
  }

  @Override
  public Map<String, TaskRecord> findAllWithoutSpecs(Collection<String> ids) {
    return findAll(ids, false);
  }

  private Map<String, TaskRecord> findAll(Collection<String> ids, boolean withSpecs) {
    List<String> all = List.copyOf(new LinkedHashSet<>(ids));
    String columns = withSpecs ? TaskRows.COLUMNS : TaskRows.COLUMNS_WITHOUT_SPEC;
    return tx.run("reading " + all.size() + " tasks", c -> {
      Map<String, TaskRecord> out = new LinkedHashMap<>();
      for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
        List<String> some = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM weft_task WHERE id IN ("
            + String.join(", ", Collections.nCopies(some.size(), "?")) + ")")) {
          for (int i = 0; i < some.size(); i++) {
            ps.setString(i + 1, some.get(i));
          }
          TaskRows.read(ps, withSpecs).forEach(t -> out.put(t.id(), t));
        }
      }
      return out;
    });
  }

  @Override
  public Map<String, TaskRecord> applyAll(List<TaskChange> changes, Instant now) {
    if (changes.isEmpty()) {
      return Map.of();
    }
    return tx.inTransaction(() -> applyAll(changes, findAll(changes.stream().map(TaskChange::taskId).toList()), now));
  }

  @Override
  public Map<String, TaskRecord> applyAll(List<TaskChange> changes, Map<String, TaskRecord> read, Instant now) {
    if (changes.isEmpty()) {
      return Map.of();
    }
    return tx.inTransaction(() -> {
      Map<String, TaskRecord> current = new HashMap<>(read);
      // a chain of changes to one task is written once: its last record, guarded by the version read
      Map<String, TaskRowWrites.Write> writes = new LinkedHashMap<>();
      List<TaskRecord> requeued = new ArrayList<>();
      for (TaskChange change : changes) {
        TaskRecord before = current.get(change.taskId());
        if (before == null) {
          throw new NotFoundException("task " + change.taskId());
        }
        TaskRecord after = TaskTransition.after(before, change, now);
        if (change.event() == TaskEvent.REQUEUE) {
          requeued.add(before);
        }
        TaskRowWrites.Write first = writes.get(after.id());
        writes.put(after.id(), new TaskRowWrites.Write(first == null ? before : first.before(), after));
        current.put(after.id(), after);
      }
      tx.run("writing " + changes.size() + " task changes", c -> {
        TaskRowWrites.write(c, dialect, List.copyOf(writes.values()));
        TaskAttemptRows.keep(c, requeued, now);
        return null;
      });
      Map<String, TaskRecord> out = new LinkedHashMap<>();
      changes.forEach(ch -> out.put(ch.taskId(), current.get(ch.taskId())));
      return out;
    });
  }

  @Override
  public List<TaskRecord> poll(String nodeId, Instant now, int limit, boolean withSpecs) {
    if (dialect == Dialect.POSTGRES) {
      return tx.run("polling assignments of node " + nodeId,
          c -> pollInOneStatement(c, nodeId, now, limit, withSpecs));
    }
    return tx.run("polling assignments of node " + nodeId, c -> {
      List<String> candidates = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM weft_task WHERE " + DUE
          + " ORDER BY placed_at, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
        ps.setString(1, nodeId);
        ps.setInt(2, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            candidates.add(rs.getString(1));
          }
        }
      }
      Map<String, TaskRecord> rows = findAll(candidates, withSpecs);
      List<TaskRecord> taken = new ArrayList<>();
      // the rows are locked by the SELECT above, so they are still due: marked by primary key only (a
      // repeated DUE filter let PostgreSQL's generic plan scan the node index for every row)
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_task SET sent_at = ? WHERE id = ? AND sent_at IS NULL")) {
        for (String id : candidates) {
          ps.setLong(1, now.toEpochMilli());
          ps.setString(2, id);
          ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        for (int i = 0; i < counts.length; i++) {
          TaskRecord t = rows.get(candidates.get(i));
          if (counts[i] != 0 && t != null) {
            taken.add(new TaskRecord(t.id(), t.jobId(), t.name(), t.spec(), t.queue(), t.priority(), t.status(),
                t.attempt(), t.nodeId(), t.version(), t.submittedAt(), t.placedAt(), now, t.startedAt(),
                t.finishedAt(), t.exitCode(), t.message()));
          }
        }
      }
      return taken;
    });
  }

  /** The due rows locked, skipping those another poll holds, and marked, in one statement; oldest placement first. */
  private static List<TaskRecord> pollInOneStatement(Connection c, String nodeId, Instant now, int limit,
                                                     boolean withSpecs) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE weft_task t SET sent_at = ? FROM (SELECT id FROM weft_task"
        + " WHERE " + DUE + " ORDER BY placed_at, id LIMIT ? FOR UPDATE SKIP LOCKED) d WHERE t.id = d.id RETURNING "
        + (withSpecs ? TaskRows.COLUMNS_OF_T : TaskRows.COLUMNS_OF_T_WITHOUT_SPEC))) {
      ps.setLong(1, now.toEpochMilli());
      ps.setString(2, nodeId);
      ps.setInt(3, limit);
      List<TaskRecord> taken = new ArrayList<>(TaskRows.read(ps, withSpecs));
      taken.sort(Comparator.comparing(TaskRecord::placedAt).thenComparing(TaskRecord::id));
      return taken;
    }
  }

  @Override
  public ChangeCursor changeCursor() {
    return tx.run("reading where task changes start", c -> new ChangeCursor(highestChange(c), oldestRunning(c)));
  }

  @Override
  public ChangedTasks changedSince(ChangeCursor from, int limit) {
    return tx.run("reading the tasks changed since " + from, c -> {
      long xmin = oldestRunning(c); // before the rows: a write they miss is from this transaction or a later one
      // PostgreSQL: bounded on both sides, so that the generic plan of the prepared statement (taken
      // after a few rounds) reads the change_xid index; with "change_xid >= ?" alone it walked the
      // change_seq index from its start, every row of the table, filtering on change_xid
      boolean pg = dialect == Dialect.POSTGRES;
      String where = pg ? "change_xid >= ? AND change_xid <= " + Long.MAX_VALUE : "change_seq > ?";
      try (PreparedStatement ps = c.prepareStatement("SELECT id, job_id, name, status, attempt, node_id, version,"
          + " submitted_at, placed_at, started_at, change_seq FROM weft_task WHERE " + where
          + " ORDER BY change_seq LIMIT ?")) {
        ps.setLong(1, pg ? from.xmin() : Math.max(0, from.seq() - REREAD_MARGIN));
        ps.setInt(2, limit);
        List<ChangedTask> out = new ArrayList<>();
        long seq = from.seq();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ChangedTask t = new ChangedTask(rs.getString(1), rs.getString(2), rs.getString(3),
                TaskState.valueOf(rs.getString(4)), rs.getInt(5), rs.getString(6), rs.getLong(7),
                Instant.ofEpochMilli(rs.getLong(8)), Columns.instant(rs, 9), Columns.instant(rs, 10), rs.getLong(11));
            out.add(t);
            seq = Math.max(seq, t.changeSeq());
          }
        }
        return new ChangedTasks(out, new ChangeCursor(seq, xmin));
      }
    });
  }

  /**
   * H2: the highest change number stored. PostgreSQL reads changes by transaction id and keeps the
   * number only as information, and has no index on it (V15): the sequence's last value, at least
   * every number stored.
   */
  private long highestChange(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(dialect == Dialect.POSTGRES
        ? "SELECT last_value FROM weft_task_change_seq" : "SELECT COALESCE(MAX(change_seq), 0) FROM weft_task");
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** PostgreSQL: the oldest transaction still running (every older one has ended); H2: 0, unused. */
  private long oldestRunning(Connection c) throws SQLException {
    if (dialect != Dialect.POSTGRES) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
