package dev.weft.store.jdbc;

import dev.weft.store.ChildInstance;
import dev.weft.store.ChildInstanceStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ChildInstanceStore} on table {@code weft_child_instance}, joined to {@code weft_instance} for ended ones. */
public final class JdbcChildInstanceStore implements ChildInstanceStore {
  private static final String COLUMNS = "l.command_id, l.decision_id, l.parent_id, l.child_id, l.depth, l.started_at,"
      + " l.delivered_at, l.service_key, l.held_with_parent";
  private static final String TERMINAL = "('COMPLETED', 'FAILED', 'CANCELLED')";
  private final JdbcTransactor tx;

  public JdbcChildInstanceStore(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public boolean link(ChildInstance link) {
    return tx.run("linking command " + link.commandId() + " to child " + link.childId(), c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_child_instance (command_id, decision_id, parent_id,"
          + " child_id, depth, started_at, service_key) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, link.commandId());
        ps.setString(2, link.decisionId());
        ps.setString(3, link.parentId());
        ps.setString(4, link.childId());
        ps.setInt(5, link.depth());
        ps.setLong(6, link.startedAt().toEpochMilli());
        ps.setString(7, link.serviceKey());
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public Optional<ChildInstance> find(String commandId) {
    return tx.run("reading child link " + commandId, c ->
        select(c, "SELECT " + COLUMNS + " FROM weft_child_instance l WHERE l.command_id = ?", commandId).stream().findFirst());
  }

  @Override
  public Optional<ChildInstance> ofChild(String childId) {
    return tx.run("reading the link of child " + childId, c ->
        select(c, "SELECT " + COLUMNS + " FROM weft_child_instance l WHERE l.child_id = ?", childId).stream().findFirst());
  }

  @Override
  public int depthOf(String instanceId) {
    return ofChild(instanceId).map(ChildInstance::depth).orElse(0);
  }

  @Override
  public List<ChildInstance> ended(int limit) {
    return tx.run("finding ended child instances", c -> select(c, "SELECT " + COLUMNS
        + " FROM weft_child_instance l JOIN weft_instance i ON i.id = l.child_id WHERE l.delivered_at IS NULL"
        + " AND i.status IN " + TERMINAL + " ORDER BY l.started_at, l.command_id LIMIT ?", limit));
  }

  @Override
  public List<ChildInstance> orphaned(int limit) {
    return tx.run("finding child instances whose parent ended", c -> select(c, "SELECT " + COLUMNS
        + " FROM weft_child_instance l JOIN weft_instance p ON p.id = l.parent_id JOIN weft_instance i ON i.id = l.child_id"
        + " WHERE l.delivered_at IS NULL AND p.status IN " + TERMINAL + " AND i.status NOT IN " + TERMINAL
        + " ORDER BY l.started_at, l.command_id LIMIT ?", limit));
  }

  @Override
  public boolean markDelivered(String commandId, Instant now) {
    return tx.run("marking child of command " + commandId + " delivered", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE weft_child_instance SET delivered_at = ? WHERE command_id = ? AND delivered_at IS NULL")) {
        ps.setLong(1, now.toEpochMilli());
        ps.setString(2, commandId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean holdWithParent(String commandId, boolean held) {
    return tx.run("marking child of command " + commandId + (held ? " held" : " no longer held") + " with its parent", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_child_instance SET held_with_parent = ? WHERE command_id = ?")) {
        ps.setBoolean(1, held);
        ps.setString(2, commandId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean relink(String commandId, String newCommandId, String newDecisionId) {
    return tx.run("moving the child link of command " + commandId + " to " + newCommandId, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_child_instance SET command_id = ?, decision_id = ?,"
          + " delivered_at = NULL WHERE command_id = ?")) {
        ps.setString(1, newCommandId);
        ps.setString(2, newDecisionId);
        ps.setString(3, commandId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public List<ChildInstance> ofParent(String parentId) {
    return tx.run("listing children of " + parentId, c -> select(c, "SELECT " + COLUMNS
        + " FROM weft_child_instance l WHERE l.parent_id = ? ORDER BY l.started_at, l.command_id", parentId));
  }

  private static List<ChildInstance> select(Connection c, String sql, Object arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (arg instanceof String s) {
        ps.setString(1, s);
      } else {
        ps.setInt(1, (Integer) arg);
      }
      List<ChildInstance> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long delivered = rs.getLong(7);
          Instant deliveredAt = rs.wasNull() ? null : Instant.ofEpochMilli(delivered);
          out.add(new ChildInstance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
              Instant.ofEpochMilli(rs.getLong(6)), deliveredAt, rs.getString(8), rs.getBoolean(9)));
        }
      }
      return out;
    }
  }
}
