package dev.weft.store.jdbc;

import dev.weft.store.TaskOutput;
import dev.weft.store.TaskOutputStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** {@link TaskOutputStore} on table {@code weft_task_output}. */
public final class JdbcTaskOutputStore implements TaskOutputStore {
  private final JdbcTransactor tx;

  public JdbcTaskOutputStore(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public void save(TaskOutput o) {
    tx.run("saving the output of task " + o.taskId(), c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_task_output (task_id, attempt, stdout, stderr)"
          + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, o.taskId());
        ps.setInt(2, o.attempt());
        ps.setString(3, o.stdout());
        ps.setString(4, o.stderr());
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public Optional<TaskOutput> find(String taskId, int attempt) {
    return tx.run("reading the output of task " + taskId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT stdout, stderr FROM weft_task_output WHERE task_id = ? AND attempt = ?")) {
        ps.setString(1, taskId);
        ps.setInt(2, attempt);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new TaskOutput(taskId, attempt, rs.getString(1), rs.getString(2)))
              : Optional.empty();
        }
      }
    });
  }
}
