package dev.weft.store.jdbc;

import dev.weft.store.RuntimeHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link RuntimeHistory} on table {@code weft_runtime}; runs are recorded by one INSERT over arrays on PostgreSQL. */
public final class JdbcRuntimeHistory implements RuntimeHistory {
  /** Keeps the IN list far below the drivers' parameter limits. */
  private static final int NAMES_PER_QUERY = 100;
  private final JdbcTransactor tx;
  private final Dialect dialect;

  public JdbcRuntimeHistory(JdbcTransactor tx, Dialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
  }

  @Override
  public void record(String taskId, int attempt, String name, long durationMillis, Instant finishedAt) {
    recordAll(List.of(new Run(taskId, attempt, name, durationMillis, finishedAt)));
  }

  @Override
  public void recordAll(List<Run> runs) {
    if (runs.isEmpty()) {
      return;
    }
    tx.run("recording " + runs.size() + " run time(s), the first of " + runs.getFirst().taskId(), c -> {
      if (dialect == Dialect.POSTGRES) {
        return recordAtOnce(c, runs);
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_runtime (task_id, attempt, name, duration_ms,"
          + " finished_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        for (Run r : runs) {
          ps.setString(1, r.taskId());
          ps.setInt(2, r.attempt());
          ps.setString(3, r.name());
          ps.setLong(4, r.durationMillis());
          ps.setLong(5, r.finishedAt().toEpochMilli());
          ps.addBatch();
        }
        return ps.executeBatch().length;
      }
    });
  }

  private static int recordAtOnce(Connection c, List<Run> runs) throws SQLException {
    int n = runs.size();
    // typed arrays: the PostgreSQL driver sends these in its binary format (an Object[] goes as text)
    String[] ids = new String[n];
    Integer[] attempts = new Integer[n];
    String[] names = new String[n];
    Long[] durations = new Long[n];
    Long[] finished = new Long[n];
    for (int i = 0; i < n; i++) {
      Run r = runs.get(i);
      ids[i] = r.taskId();
      attempts[i] = r.attempt();
      names[i] = r.name();
      durations[i] = r.durationMillis();
      finished[i] = r.finishedAt().toEpochMilli();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_runtime (task_id, attempt, name, duration_ms,"
        + " finished_at) SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::bigint[], ?::bigint[])"
        + " ON CONFLICT DO NOTHING")) {
      ps.setArray(1, c.createArrayOf("varchar", ids));
      ps.setArray(2, c.createArrayOf("int4", attempts));
      ps.setArray(3, c.createArrayOf("varchar", names));
      ps.setArray(4, c.createArrayOf("bigint", durations));
      ps.setArray(5, c.createArrayOf("bigint", finished));
      return ps.executeUpdate();
    }
  }

  @Override
  public List<Long> recent(String name, int limit) {
    return recent(Set.of(name), limit).getOrDefault(name, List.of());
  }

  @Override
  public Map<String, List<Long>> recent(Set<String> names, int limit) {
    List<String> all = List.copyOf(names);
    Map<String, List<Long>> out = new HashMap<>();
    for (int from = 0; from < all.size(); from += NAMES_PER_QUERY) {
      out.putAll(recentOf(all.subList(from, Math.min(all.size(), from + NAMES_PER_QUERY)), limit));
    }
    return out;
  }

  /**
   * One query for a batch of names: the newest {@code limit} runs of each, one {@code ORDER BY ...
   * LIMIT} per name joined by {@code UNION ALL}, so each reads only its newest rows from the
   * {@code (name, finished_at)} index (a window function over the names ranked every run of a name
   * with thousands of runs, each round). Oldest first, as recorded.
   */
  private Map<String, List<Long>> recentOf(List<String> ordered, int limit) {
    String one = "(SELECT name, duration_ms, finished_at, task_id, attempt FROM weft_runtime WHERE name = ?"
        + " ORDER BY finished_at DESC, task_id DESC, attempt DESC LIMIT ?)";
    String sql = "SELECT name, duration_ms FROM (" + String.join(" UNION ALL ", Collections.nCopies(ordered.size(), one))
        + ") newest ORDER BY name, finished_at, task_id, attempt";
    return tx.run("reading the run times of " + ordered.size() + " names", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int n = 1;
        for (String name : ordered) {
          ps.setString(n++, name);
          ps.setInt(n++, limit);
        }
        Map<String, List<Long>> out = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
          }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
      }
    });
  }

}
