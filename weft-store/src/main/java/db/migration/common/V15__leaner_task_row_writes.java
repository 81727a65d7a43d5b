package db.migration.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fewer index writes per task row write, on PostgreSQL only (H2 has neither storage parameters nor
 * partial indexes; it keeps V5 and V14's indexes). A task row is written about four times in its
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
public class V15__leaner_task_row_writes extends BaseJavaMigration {
  static final List<String> POSTGRES = List.of(
      "ALTER TABLE weft_task SET (fillfactor = 50)",
      "DROP INDEX weft_task_change",
      "DROP INDEX weft_task_node",
      "CREATE INDEX weft_task_node ON weft_task (node_id, status) WHERE status IN ('PLACED', 'RUNNING')");

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
