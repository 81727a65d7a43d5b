package dev.weft.store.jdbc;

import dev.weft.store.RuntimeHistory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link RuntimeHistory} on table {@code weft_runtime}. */
public final class JdbcRuntimeHistory implements RuntimeHistory {
  private final JdbcTransactor tx;

  public JdbcRuntimeHistory(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public void record(String taskId, int attempt, String name, long durationMillis, Instant finishedAt) {
    tx.run("recording the run time of " + taskId, c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_runtime (task_id, attempt, name, duration_ms,"
          + " finished_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, taskId);
        ps.setInt(2, attempt);
        ps.setString(3, name);
        ps.setLong(4, durationMillis);
        ps.setLong(5, finishedAt.toEpochMilli());
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public List<Long> recent(String name, int limit) {
    return recent(Set.of(name), limit).getOrDefault(name, List.of());
  }

  @Override
  public Map<String, List<Long>> recent(Set<String> names, int limit) {
    Map<String, List<Long>> out = new HashMap<>();
    for (String name : names) {
      List<Long> durations = tx.run("reading the run times of " + name, c -> {
        try (PreparedStatement ps = c.prepareStatement("SELECT duration_ms FROM weft_runtime WHERE name = ?"
            + " ORDER BY finished_at DESC, task_id DESC, attempt DESC LIMIT ?")) {
          ps.setString(1, name);
          ps.setInt(2, limit);
          List<Long> newestFirst = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              newestFirst.add(rs.getLong(1));
            }
          }
          Collections.reverse(newestFirst);
          return newestFirst;
        }
      });
      if (!durations.isEmpty()) {
        out.put(name, List.copyOf(durations));
      }
    }
    return out;
  }
}
