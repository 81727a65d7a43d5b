package dev.weft.store.jdbc;

import dev.weft.store.CommandTask;
import dev.weft.store.CommandTaskStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link CommandTaskStore} on table {@code weft_command_task}, joined to {@code weft_task} for ended tasks. */
public final class JdbcCommandTaskStore implements CommandTaskStore {
  private static final String COLUMNS = "l.command_id, l.decision_id, l.instance_id, l.task_id, l.service, l.submitted_at, l.delivered_at";
  private final JdbcTransactor tx;

  public JdbcCommandTaskStore(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public boolean link(CommandTask link) {
    return tx.run("linking command " + link.commandId(), c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_command_task (command_id, decision_id, instance_id,"
          + " task_id, service, submitted_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, link.commandId());
        ps.setString(2, link.decisionId());
        ps.setString(3, link.instanceId());
        ps.setString(4, link.taskId());
        if (link.service() == null) {
          ps.setNull(5, Types.VARCHAR);
        } else {
          ps.setString(5, link.service());
        }
        ps.setLong(6, link.submittedAt().toEpochMilli());
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public Optional<CommandTask> ofTask(String taskId) {
    return tx.run("reading the command link of task " + taskId, c ->
        select(c, "SELECT " + COLUMNS + " FROM weft_command_task l WHERE l.task_id = ?", taskId, 1)
            .stream().findFirst());
  }

  @Override
  public Optional<CommandTask> find(String commandId) {
    return tx.run("reading command link " + commandId, c ->
        select(c, "SELECT " + COLUMNS + " FROM weft_command_task l WHERE l.command_id = ?", commandId, 1)
            .stream().findFirst());
  }

  @Override
  public List<CommandTask> ended(int limit) {
    return tx.run("finding ended workflow tasks", c -> select(c, "SELECT " + COLUMNS
        + " FROM weft_command_task l JOIN weft_task t ON t.id = l.task_id WHERE l.delivered_at IS NULL"
        + " AND t.status IN ('SUCCEEDED', 'FAILED', 'CANCELLED') ORDER BY l.submitted_at, l.command_id LIMIT ?",
        null, limit));
  }

  @Override
  public boolean relink(String commandId, String fromTaskId, String toTaskId) {
    return tx.run("linking command " + commandId + " to task " + toTaskId, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_command_task SET task_id = ? WHERE command_id = ?"
          + " AND task_id = ? AND delivered_at IS NULL")) {
        ps.setString(1, toTaskId);
        ps.setString(2, commandId);
        ps.setString(3, fromTaskId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean markDelivered(String commandId, Instant now) {
    return tx.run("marking command " + commandId + " delivered", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE weft_command_task SET delivered_at = ? WHERE command_id = ? AND delivered_at IS NULL")) {
        ps.setLong(1, now.toEpochMilli());
        ps.setString(2, commandId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public List<CommandTask> open(String instanceId) {
    return tx.run("listing open tasks of " + instanceId, c -> select(c, "SELECT " + COLUMNS
        + " FROM weft_command_task l WHERE l.instance_id = ? AND l.delivered_at IS NULL ORDER BY l.submitted_at",
        instanceId, Integer.MAX_VALUE));
  }

  @Override
  public boolean isLinked(String taskId) {
    return tx.run("checking whether task " + taskId + " is a workflow's", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM weft_command_task WHERE task_id = ? LIMIT 1")) {
        ps.setString(1, taskId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public List<CommandTask> ofInstance(String instanceId) {
    return tx.run("listing tasks of " + instanceId, c -> select(c, "SELECT " + COLUMNS
        + " FROM weft_command_task l WHERE l.instance_id = ? ORDER BY l.submitted_at, l.command_id",
        instanceId, Integer.MAX_VALUE));
  }

  private static List<CommandTask> select(Connection c, String sql, String arg, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (arg != null) {
        ps.setString(1, arg);
      } else {
        ps.setInt(1, limit);
      }
      List<CommandTask> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long delivered = rs.getLong(7);
          Instant deliveredAt = rs.wasNull() ? null : Instant.ofEpochMilli(delivered);
          out.add(new CommandTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              Instant.ofEpochMilli(rs.getLong(6)), deliveredAt));
        }
      }
      return out;
    }
  }
}
