package dev.weft.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.store.QueueTree;
import dev.weft.store.QueueTreeStore;
import dev.weft.store.StaleVersionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link QueueTreeStore} on table {@code weft_queue_tree}: one row, id 1. */
public final class JdbcQueueTreeStore implements QueueTreeStore {
  private final JdbcTransactor tx;

  public JdbcQueueTreeStore(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Optional<QueueTree> current() {
    return tx.run("reading the queue tree", JdbcQueueTreeStore::read);
  }

  @Override
  public QueueTree replace(JsonNode tree, long expectedVersion, Instant now) {
    return tx.run("replacing the queue tree", c -> {
      int written;
      if (expectedVersion == 0) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_queue_tree (id, tree, version, updated_at)"
            + " VALUES (1, ?, 1, ?) ON CONFLICT DO NOTHING")) {
          ps.setString(1, JsonColumns.write(tree));
          ps.setLong(2, now.toEpochMilli());
          written = ps.executeUpdate();
        }
      } else {
        try (PreparedStatement ps = c.prepareStatement("UPDATE weft_queue_tree SET tree = ?, version = version + 1,"
            + " updated_at = ? WHERE id = 1 AND version = ?")) {
          ps.setString(1, JsonColumns.write(tree));
          ps.setLong(2, now.toEpochMilli());
          ps.setLong(3, expectedVersion);
          written = ps.executeUpdate();
        }
      }
      if (written != 1) {
        long actual = read(c).map(QueueTree::version).orElse(0L);
        throw new StaleVersionException("queue tree", "root", expectedVersion, actual);
      }
      return read(c).orElseThrow();
    });
  }

  private static Optional<QueueTree> read(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT tree, version, updated_at FROM weft_queue_tree WHERE id = 1");
         ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(new QueueTree(JsonColumns.read(rs.getString(1)), rs.getLong(2),
          Instant.ofEpochMilli(rs.getLong(3)))) : Optional.empty();
    }
  }
}
