package db.migration.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Suspended tasks (preemption by suspension) are read by status and by node like placed and
 * running ones, but V17's partial indexes on PostgreSQL cover only those: {@code weft_task_suspended}
 * holds the few suspended rows, in the order status reads want. H2 keeps its status and node
 * indexes, which cover every status.
 */
public class V20__suspended_task_index extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE INDEX weft_task_suspended ON weft_task (submitted_at, id) WHERE status = 'SUSPENDED'");
    }
  }
}
