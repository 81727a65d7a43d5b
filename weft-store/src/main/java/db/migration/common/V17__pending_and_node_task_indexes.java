package db.migration.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fewer index entries per task row write, on PostgreSQL only (H2 has no partial indexes and keeps
 * its task indexes). Every write that changes a task's status adds an entry to each index whose
 * predicate the new row version meets:
 * <ul>
 *   <li>{@code weft_task_status} on (status, submitted_at) took an entry at every status change,
 *       though only live tasks are ever read by status ({@code TaskStore.withStatus}: pending, or
 *       placed and running). It becomes {@code weft_task_pending}, pending tasks only: a task is
 *       added when submitted or queued again, and not when placed or ended. Placed and running
 *       tasks are read through {@code weft_task_node}.</li>
 *   <li>{@code weft_task_node} (placed and running tasks) carries the agent poll's order
 *       (placed_at, id) after node and status, so the poll reads the oldest placements of its node
 *       in index order instead of sorting every placed task of the node; an index scan also marks
 *       the entries of ended tasks dead as it passes them, where a bitmap scan visited them again
 *       at every poll until the next vacuum.</li>
 * </ul>
 */
public class V17__pending_and_node_task_indexes extends BaseJavaMigration {
  static final List<String> POSTGRES = List.of(
      "DROP INDEX weft_task_status",
      "CREATE INDEX weft_task_pending ON weft_task (submitted_at, id) WHERE status = 'PENDING'",
      "DROP INDEX weft_task_node",
      "CREATE INDEX weft_task_node ON weft_task (node_id, status, placed_at, id) WHERE status IN ('PLACED', 'RUNNING')");

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement s = c.createStatement()) {
      for (String sql : POSTGRES) {
        s.execute(sql);
      }
    }
  }
}
