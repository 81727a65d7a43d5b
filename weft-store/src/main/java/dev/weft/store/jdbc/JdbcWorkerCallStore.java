package dev.weft.store.jdbc;

import dev.weft.store.WorkerCall;
import dev.weft.store.WorkerCallStatus;
import dev.weft.store.WorkerCallStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link WorkerCallStore} on table {@code weft_worker_call} (V25, V26); {@code lease} uses
 * {@code FOR UPDATE SKIP LOCKED}, and every change after the insert is conditional on the status,
 * attempt and (for a worker) the worker the caller saw.
 */
public final class JdbcWorkerCallStore implements WorkerCallStore {
  private static final String COLUMNS = "id, decision_id, instance_id, queue, service_key, input, status, attempt, worker,"
      + " lease_until, available_at, created_at, ended_at, deadline_at";
  private static final String LEASED_TO = "id = ? AND status = 'LEASED' AND worker = ? AND attempt = ?";
  private static final String LEASED_AT = "id = ? AND status = 'LEASED' AND attempt = ?";
  private final JdbcTransactor tx;

  public JdbcWorkerCallStore(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public boolean add(WorkerCall call) {
    return tx.run("adding worker call " + call.id(), c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_worker_call (" + COLUMNS + ")"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, call.id());
        ps.setString(2, call.decisionId());
        ps.setString(3, call.instanceId());
        ps.setString(4, call.queue());
        ps.setString(5, call.serviceKey());
        ps.setString(6, JsonColumns.write(call.input()));
        ps.setString(7, call.status().name());
        ps.setInt(8, call.attempt());
        if (call.worker() == null) {
          ps.setNull(9, Types.VARCHAR);
        } else {
          ps.setString(9, call.worker());
        }
        Columns.setInstant(ps, 10, call.leaseUntil());
        ps.setLong(11, call.availableAt().toEpochMilli());
        ps.setLong(12, call.createdAt().toEpochMilli());
        Columns.setInstant(ps, 13, call.endedAt());
        Columns.setInstant(ps, 14, call.deadlineAt());
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public Optional<WorkerCall> find(String id) {
    return tx.run("reading worker call " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM weft_worker_call WHERE id = ?")) {
        ps.setString(1, id);
        return read(ps).stream().findFirst();
      }
    });
  }

  /**
   * Locks the candidates (skipping rows another lease holds), then leases each by primary key,
   * still conditional on WAITING, and reads back the rows it leased: as they now are, oldest first.
   */
  @Override
  public List<WorkerCall> lease(Collection<String> queues, String worker, int max, Instant now, Instant leaseUntil) {
    List<String> named = List.copyOf(new LinkedHashSet<>(queues));
    if (named.isEmpty() || max <= 0) {
      return List.of();
    }
    return tx.run("leasing worker calls of " + named + " to " + worker, c -> {
      List<String> candidates = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM weft_worker_call WHERE queue IN ("
          + placeholders(named.size()) + ") AND status = 'WAITING' AND available_at <= ?"
          + " AND (deadline_at IS NULL OR deadline_at > ?)" // past its deadline: left to be timed out, not handed out
          + " ORDER BY created_at, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
        int n = 1;
        for (String q : named) {
          ps.setString(n++, q);
        }
        ps.setLong(n++, now.toEpochMilli());
        ps.setLong(n++, now.toEpochMilli());
        ps.setInt(n, max);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            candidates.add(rs.getString(1));
          }
        }
      }
      List<String> leased = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_worker_call SET status = 'LEASED', worker = ?,"
          + " lease_until = ?, attempt = attempt + 1 WHERE id = ? AND status = 'WAITING'")) {
        for (String id : candidates) {
          ps.setString(1, worker);
          ps.setLong(2, leaseUntil.toEpochMilli());
          ps.setString(3, id);
          if (ps.executeUpdate() == 1) {
            leased.add(id);
          }
        }
      }
      if (leased.isEmpty()) {
        return List.<WorkerCall>of();
      }
      Map<String, WorkerCall> rows = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM weft_worker_call WHERE id IN ("
          + placeholders(leased.size()) + ")")) {
        for (int i = 0; i < leased.size(); i++) {
          ps.setString(i + 1, leased.get(i));
        }
        read(ps).forEach(w -> rows.put(w.id(), w));
      }
      List<WorkerCall> out = new ArrayList<>();
      for (String id : leased) {
        out.add(rows.get(id));
      }
      return out;
    });
  }

  @Override
  public boolean extend(String id, String worker, int attempt, Instant leaseUntil) {
    return tx.run("extending the lease of worker call " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_worker_call SET lease_until = ? WHERE " + LEASED_TO)) {
        ps.setLong(1, leaseUntil.toEpochMilli());
        ps.setString(2, id);
        ps.setString(3, worker);
        ps.setInt(4, attempt);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean end(String id, String worker, int attempt, WorkerCallStatus to, Instant now) {
    if (to != WorkerCallStatus.COMPLETED && to != WorkerCallStatus.FAILED) {
      throw new IllegalArgumentException("a worker ends a call as COMPLETED or FAILED, not " + to);
    }
    return tx.run("ending worker call " + id + " as " + to, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_worker_call SET status = ?, ended_at = ?,"
          + " lease_until = NULL WHERE " + LEASED_TO)) {
        ps.setString(1, to.name());
        ps.setLong(2, now.toEpochMilli());
        ps.setString(3, id);
        ps.setString(4, worker);
        ps.setInt(5, attempt);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public List<WorkerCall> expired(Instant now, int limit) {
    return byTime("finding worker calls whose lease ran out",
        "status = 'LEASED' AND lease_until < ? ORDER BY lease_until, id", now, limit);
  }

  @Override
  public boolean requeue(String id, int attempt, Instant availableAt) {
    return tx.run("putting worker call " + id + " back to waiting", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_worker_call SET status = 'WAITING', worker = NULL,"
          + " lease_until = NULL, available_at = ? WHERE " + LEASED_AT)) {
        ps.setLong(1, availableAt.toEpochMilli());
        ps.setString(2, id);
        ps.setInt(3, attempt);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean fail(String id, int attempt, Instant now) {
    return failed("failing worker call " + id, LEASED_AT, id, attempt, now);
  }

  @Override
  public List<WorkerCall> overdue(Instant now, int limit) {
    return byTime("finding worker calls past their deadline",
        "status IN ('WAITING', 'LEASED') AND deadline_at <= ? ORDER BY deadline_at, id", now, limit);
  }

  /** The calls {@code whereAndOrder} (one parameter: {@code now}) selects, at most {@code limit}. */
  private List<WorkerCall> byTime(String what, String whereAndOrder, Instant now, int limit) {
    return tx.run(what, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM weft_worker_call WHERE "
          + whereAndOrder + " LIMIT ?")) {
        ps.setLong(1, now.toEpochMilli());
        ps.setInt(2, limit);
        return read(ps);
      }
    });
  }

  @Override
  public boolean timeOut(String id, int attempt, Instant now) {
    return failed("timing out worker call " + id, "id = ? AND status IN ('WAITING', 'LEASED') AND attempt = ?", id,
        attempt, now);
  }

  /** Ends the call as FAILED where {@code where} (parameters: the id, then the attempt) still holds. */
  private boolean failed(String what, String where, String id, int attempt, Instant now) {
    return tx.run(what, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_worker_call SET status = 'FAILED', ended_at = ?,"
          + " lease_until = NULL WHERE " + where)) {
        ps.setLong(1, now.toEpochMilli());
        ps.setString(2, id);
        ps.setInt(3, attempt);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public int cancelOf(String instanceId, Instant now) {
    return tx.run("cancelling the worker calls of " + instanceId, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_worker_call SET status = 'CANCELLED', ended_at = ?,"
          + " lease_until = NULL WHERE instance_id = ? AND status IN ('WAITING', 'LEASED')")) {
        ps.setLong(1, now.toEpochMilli());
        ps.setString(2, instanceId);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public List<WorkerCall> ofInstance(String instanceId) {
    return tx.run("listing the worker calls of " + instanceId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM weft_worker_call"
          + " WHERE instance_id = ? ORDER BY created_at, id")) {
        ps.setString(1, instanceId);
        return read(ps);
      }
    });
  }

  private static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** The rows a query over {@link #COLUMNS} answers, in its order. */
  private static List<WorkerCall> read(PreparedStatement ps) throws SQLException {
    List<WorkerCall> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new WorkerCall(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            JsonColumns.read(rs.getString(6)), WorkerCallStatus.valueOf(rs.getString(7)), rs.getInt(8), rs.getString(9),
            Columns.instant(rs, 10), Instant.ofEpochMilli(rs.getLong(11)), Instant.ofEpochMilli(rs.getLong(12)),
            Columns.instant(rs, 13), Columns.instant(rs, 14)));
      }
    }
    return out;
  }
}
