package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresTaskStoreTest extends TaskStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }

  /**
   * V15: room on each page for hand-outs to be HOT, no change_seq index, a node index over active
   * tasks only, the history index in its query's order. V17: the status index holds pending tasks
   * only, and the node index carries the poll's order. V20: suspended tasks have an index of their own.
   */
  @Test
  void the_task_table_is_set_up_for_fewer_index_writes() throws Exception {
    Map<String, String> indexes = new HashMap<>();
    String options;
    try (Connection c = DriverManager.getConnection(testUrl())) {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'weft_task'");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          indexes.put(rs.getString(1), rs.getString(2));
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT array_to_string(reloptions, ',') FROM pg_class"
          + " WHERE oid = to_regclass(current_schema() || '.weft_task')");
           ResultSet rs = ps.executeQuery()) {
        rs.next();
        options = rs.getString(1);
      }
    }
    assertThat(options).isEqualTo("fillfactor=50");
    assertThat(indexes).doesNotContainKeys("weft_task_change", "weft_task_status")
        .containsOnlyKeys("weft_task_pkey", "weft_task_pending", "weft_task_job", "weft_task_change_xid", "weft_task_node",
            "weft_task_suspended");
    assertThat(indexes.get("weft_task_suspended")).contains("WHERE").contains("'SUSPENDED'");
    assertThat(indexes.get("weft_task_pending")).contains("(submitted_at, id)").contains("WHERE")
        .contains("'PENDING'").doesNotContain("'PLACED'");
    assertThat(indexes.get("weft_task_node")).contains("(node_id, status, placed_at, id)").contains("WHERE")
        .contains("'PLACED'").contains("'RUNNING'");
    try (Connection c = DriverManager.getConnection(testUrl());
         PreparedStatement ps = c.prepareStatement("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
             + " AND indexname = 'weft_runtime_name'");
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      assertThat(rs.getString(1)).contains("(name, finished_at, task_id, attempt)");
    }
  }
}
