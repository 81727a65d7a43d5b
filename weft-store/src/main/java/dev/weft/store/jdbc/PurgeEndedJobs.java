package dev.weft.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@link JdbcJobStore#purgeEndedBefore}, on the caller's connection (one transaction).
 * Candidates are read oldest submission first along index {@code weft_job_submitted} (V16): a job
 * submitted after the cutoff cannot have ended before it, so each batch reads only old jobs, most
 * of which it deletes. A terminal task ended at {@code finished_at}, or at {@code submitted_at} in the
 * unexpected case it has none.
 */
final class PurgeEndedJobs {
  private static final String TERMINAL = "('SUCCEEDED', 'FAILED', 'CANCELLED')";
  private static final String DUE = "SELECT j.id FROM weft_job j WHERE j.submitted_at < ?"
      + " AND NOT EXISTS (SELECT 1 FROM weft_task t WHERE t.job_id = j.id AND (t.status NOT IN " + TERMINAL
      + " OR COALESCE(t.finished_at, t.submitted_at) >= ?))"
      + " AND NOT EXISTS (SELECT 1 FROM weft_task t JOIN weft_command_task l ON l.task_id = t.id"
      + " WHERE t.job_id = j.id AND l.delivered_at IS NULL)"
      + " ORDER BY j.submitted_at, j.id LIMIT ?";
  private static final String OF_JOB = " WHERE task_id IN (SELECT id FROM weft_task WHERE job_id = ?)";
  /** Children first: the rows keyed by task, then the tasks (they reference their job), then the job. */
  private static final List<String> DELETES = List.of(
      "DELETE FROM weft_task_log_chunk" + OF_JOB,
      "DELETE FROM weft_task_log" + OF_JOB,
      "DELETE FROM weft_task_output" + OF_JOB,
      "DELETE FROM weft_task_attempt" + OF_JOB,
      "DELETE FROM weft_task WHERE job_id = ?");

  private PurgeEndedJobs() {}

  /** Deletes up to {@code limit} due jobs; how many job rows this call deleted (a racing server's are not counted twice). */
  static int run(Connection c, Instant endedBefore, int limit) throws SQLException {
    List<String> jobs = due(c, endedBefore, limit);
    if (jobs.isEmpty()) {
      return 0;
    }
    for (String sql : DELETES) {
      batch(c, sql, jobs);
    }
    int deleted = 0;
    for (int n : batch(c, "DELETE FROM weft_job WHERE id = ?", jobs)) {
      deleted += Math.max(n, 0);
    }
    return deleted;
  }

  private static List<String> due(Connection c, Instant endedBefore, int limit) throws SQLException {
    List<String> jobs = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(DUE)) {
      ps.setLong(1, endedBefore.toEpochMilli());
      ps.setLong(2, endedBefore.toEpochMilli());
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          jobs.add(rs.getString(1));
        }
      }
    }
    return jobs;
  }

  private static int[] batch(Connection c, String sql, List<String> jobs) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (String job : jobs) {
        ps.setString(1, job);
        ps.addBatch();
      }
      return ps.executeBatch();
    }
  }
}
