package db.migration.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fewer index writes per task row write, on PostgreSQL only (H2 has neither storage parameters nor
 * partial indexes; it keeps V5 and V14's task indexes), and a run-time history index that serves its
 * query's whole order (both). A task row is written about four times in its
 * life (insert, placement, hand-out, end), and every write that changes an indexed column, or finds
 * no room on its page, adds an entry to every index of the table:
 * <ul>
 *   <li>{@code fillfactor = 50}: inserts leave half of each page free, so the hand-out (which sets
 *       only {@code sent_at}, no indexed column) can be a heap-only (HOT) update that touches no
 *       index;</li>
 *   <li>{@code weft_task_change} (on {@code change_seq}) is dropped: PostgreSQL reads changes by
 *       {@code change_xid} ({@code TaskStore.changedSince}), and the cursor's change number is not
 *       used there;</li>
 *   <li>{@code weft_task_node} holds only placed and running tasks, the only ones looked up by node
 *       (the agent's poll, the heartbeat's check): a task is no longer added to it when it is
 *       submitted or when it ends.</li>
 * </ul>
 * A Java migration because the same versions run on both databases (one location of migrations).
 */
public class V15__leaner_task_and_runtime_indexes extends BaseJavaMigration {
  static final List<String> POSTGRES = List.of(
      "ALTER TABLE weft_task SET (fillfactor = 50)",
      "DROP INDEX weft_task_change",
      "DROP INDEX weft_task_node",
      "CREATE INDEX weft_task_node ON weft_task (node_id, status) WHERE status IN ('PLACED', 'RUNNING')");

  /**
   * Both databases: the run-time history index carries the query's whole order ({@code
   * JdbcRuntimeHistory.recent}: newest first, ties by task and attempt), so the newest runs of a name
   * are the first entries of an index scan. With (name, finished_at) alone every run of a report
   * finishes at the same millisecond, and each round sorted all of those ties (about a thousand rows
   * read, 10 ms of PostgreSQL time a round) to keep nine.
   */
  static final List<String> BOTH = List.of(
      "DROP INDEX weft_runtime_name",
      "CREATE INDEX weft_runtime_name ON weft_runtime (name, finished_at, task_id, attempt)");

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    boolean postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    try (Statement s = c.createStatement()) {
      for (String sql : BOTH) {
        s.execute(sql);
      }
      if (postgres) {
        for (String sql : POSTGRES) {
          s.execute(sql);
        }
      }
    }
  }
}
