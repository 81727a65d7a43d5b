package dev.weft.store.jdbc;

import dev.weft.store.NewNode;
import dev.weft.store.NodeRecord;
import dev.weft.store.NodeState;
import dev.weft.store.NodeStore;
import dev.weft.store.NotFoundException;
import dev.weft.store.StaleVersionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link NodeStore} on table {@code weft_node}. */
public final class JdbcNodeStore implements NodeStore {
  private static final String COLUMNS =
      "id, topology, capacity, labels, taints, state, last_heartbeat, version, registered_at";
  private final JdbcTransactor tx;

  public JdbcNodeStore(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public NodeRecord register(NewNode n, Instant now) {
    return tx.run("registering node " + n.id(), c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_node SET topology = ?, capacity = ?, labels = ?,"
          + " taints = ?, last_heartbeat = ?, version = version + 1,"
          + " state = CASE WHEN state = 'DOWN' THEN 'UP' ELSE state END WHERE id = ?")) {
        bindDescription(ps, n);
        ps.setLong(5, now.toEpochMilli());
        ps.setString(6, n.id());
        if (ps.executeUpdate() == 0) {
          insert(c, n, now);
        }
      }
      return byId(c, n.id()).orElseThrow();
    });
  }

  private static void insert(Connection c, NewNode n, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_node (topology, capacity, labels, taints,"
        + " id, state, last_heartbeat, version, registered_at) VALUES (?, ?, ?, ?, ?, 'UP', ?, 1, ?)")) {
      bindDescription(ps, n);
      ps.setString(5, n.id());
      ps.setLong(6, now.toEpochMilli());
      ps.setLong(7, now.toEpochMilli());
      ps.executeUpdate();
    }
  }

  private static void bindDescription(PreparedStatement ps, NewNode n) throws SQLException {
    ps.setString(1, n.topology());
    ps.setString(2, JsonColumns.write(n.capacity()));
    ps.setString(3, JsonColumns.write(n.labels()));
    ps.setString(4, JsonColumns.write(n.taints()));
  }

  @Override
  public Optional<NodeRecord> find(String id) {
    return tx.run("reading node " + id, c -> byId(c, id));
  }

  @Override
  public Optional<String> secretDigest(String id) {
    return tx.run("reading the holder of node " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT secret_digest FROM weft_node WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }

  @Override
  public boolean claim(String id, String expectedDigest, String newDigest) {
    return tx.run("claiming node " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_node SET secret_digest = ? WHERE id = ? AND "
          + (expectedDigest == null ? "secret_digest IS NULL" : "secret_digest = ?"))) {
        ps.setString(1, newDigest);
        ps.setString(2, id);
        if (expectedDigest != null) {
          ps.setString(3, expectedDigest);
        }
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public List<NodeRecord> list() {
    return tx.run("listing nodes", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM weft_node ORDER BY id")) {
        return read(ps);
      }
    });
  }

  @Override
  public boolean heartbeat(String id, Instant now) {
    return tx.run("heartbeat of node " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_node SET last_heartbeat = ?,"
          + " version = CASE WHEN state = 'DOWN' THEN version + 1 ELSE version END,"
          + " state = CASE WHEN state = 'DOWN' THEN 'UP' ELSE state END WHERE id = ?")) {
        ps.setLong(1, now.toEpochMilli());
        ps.setString(2, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public NodeRecord setState(String id, NodeState state, Instant now) {
    return tx.run("setting node " + id + " " + state, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE weft_node SET state = ?, version = version + 1 WHERE id = ?")) {
        ps.setString(1, state.name());
        ps.setString(2, id);
        if (ps.executeUpdate() == 0) {
          throw new NotFoundException("node " + id);
        }
      }
      return byId(c, id).orElseThrow();
    });
  }

  @Override
  public boolean markDownIfSilent(String id, Instant silentSince) {
    return tx.run("marking node " + id + " down", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_node SET state = 'DOWN', version = version + 1"
          + " WHERE id = ? AND state <> 'DOWN' AND last_heartbeat < ?")) {
        ps.setString(1, id);
        ps.setLong(2, silentSince.toEpochMilli());
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public long assign(String id, long expectedVersion) {
    return tx.run("checking node " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_node SET version = version + 1"
          + " WHERE id = ? AND version = ? AND state = 'UP'")) {
        ps.setString(1, id);
        ps.setLong(2, expectedVersion);
        if (ps.executeUpdate() == 1) {
          return expectedVersion + 1;
        }
      }
      long actual = byId(c, id).map(NodeRecord::version).orElse(-1L);
      throw new StaleVersionException("node", id, expectedVersion, actual);
    });
  }

  private static Optional<NodeRecord> byId(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM weft_node WHERE id = ?")) {
      ps.setString(1, id);
      return read(ps).stream().findFirst();
    }
  }

  private static List<NodeRecord> read(PreparedStatement ps) throws SQLException {
    List<NodeRecord> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new NodeRecord(rs.getString(1), rs.getString(2), JsonColumns.read(rs.getString(3)),
            JsonColumns.read(rs.getString(4)), JsonColumns.read(rs.getString(5)), NodeState.valueOf(rs.getString(6)),
            Instant.ofEpochMilli(rs.getLong(7)), rs.getLong(8), Instant.ofEpochMilli(rs.getLong(9))));
      }
    }
    return out;
  }
}
