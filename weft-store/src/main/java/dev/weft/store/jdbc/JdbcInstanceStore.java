package dev.weft.store.jdbc;

import dev.weft.store.ConflictException;
import dev.weft.store.Instance;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import dev.weft.store.InstanceStore;
import dev.weft.store.NewInstance;
import dev.weft.store.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link InstanceStore} on table {@code weft_instance}; claims use {@code FOR UPDATE SKIP LOCKED}. */
public final class JdbcInstanceStore implements InstanceStore {
  private static final String CLAIMABLE = "id IN (" + ActiveInstances.IDS + ") AND status IN ('PENDING', 'RUNNING')"
      + " AND (lease_until IS NULL OR lease_until <= ?)";
  private final JdbcTransactor tx;

  public JdbcInstanceStore(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Instance create(NewInstance n, Instant now) {
    return tx.run("creating instance " + n.id(), c -> {
      tx.claimForInsert(n.id(), n.idempotencyKey());
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_instance (" + InstanceRows.COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, 1, NULL, NULL, ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, n.id());
        ps.setString(2, n.idempotencyKey());
        ps.setString(3, n.definitionName());
        ps.setInt(4, n.definitionVersion());
        ps.setString(5, InstanceStatus.PENDING.name());
        ps.setString(6, JsonColumns.write(n.snapshot()));
        ps.setLong(7, now.toEpochMilli());
        ps.setLong(8, now.toEpochMilli());
        if (ps.executeUpdate() == 1) {
          ActiveInstances.created(c, n.id(), InstanceStatus.PENDING);
        }
      }
      return InstanceRows.byColumn(c, "idempotency_key", n.idempotencyKey(), false)
          .orElseThrow(() -> new ConflictException("instance id " + n.id()
              + " is already used by another idempotency key"));
    });
  }

  @Override
  public Optional<Instance> find(String id) {
    return tx.run("reading instance " + id, c -> InstanceRows.byColumn(c, "id", id, false));
  }

  @Override
  public Optional<Instance> findLocked(String id) {
    return tx.run("locking instance " + id, c -> InstanceRows.byColumn(c, "id", id, true));
  }

  @Override
  public List<Instance> list(InstanceFilter filter) {
    StringBuilder sql = new StringBuilder("SELECT " + InstanceRows.COLUMNS + " FROM weft_instance WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    filter.status().ifPresent(s -> {
      if (!s.terminal()) { // the few unfinished ones by their table rather than a scan of all
        sql.append(" AND id IN (" + ActiveInstances.IDS + ")");
      }
      sql.append(" AND status = ?");
      args.add(s.name());
    });
    filter.definitionName().ifPresent(d -> {
      sql.append(" AND definition_name = ?");
      args.add(d);
    });
    filter.after().ifPresent(p -> {
      sql.append(" AND (created_at > ? OR (created_at = ? AND id > ?))");
      args.add(p.createdAt().toEpochMilli());
      args.add(p.createdAt().toEpochMilli());
      args.add(p.id());
    });
    sql.append(" ORDER BY created_at, id LIMIT ?");
    return tx.run("listing instances", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) {
          ps.setObject(i + 1, args.get(i));
        }
        ps.setInt(args.size() + 1, filter.limit());
        return InstanceRows.read(ps);
      }
    });
  }

  @Override
  public Map<InstanceStatus, Long> countByStatus() {
    return tx.run("counting instances", c -> {
      Map<InstanceStatus, Long> counts = new EnumMap<>(InstanceStatus.class);
      try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM weft_instance GROUP BY status");
          var rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(InstanceStatus.valueOf(rs.getString(1)), rs.getLong(2));
        }
      }
      return counts;
    });
  }

  @Override
  public Instance transition(String id, long expectedVersion, InstanceStatus to, Instant now) {
    return tx.run("moving instance " + id + " to " + to, c -> {
      StatusChange.apply(c, id, expectedVersion, to, null, now);
      return InstanceRows.byColumn(c, "id", id, false).orElseThrow(() -> new NotFoundException("instance " + id));
    });
  }

  @Override
  public List<Instance> claim(String owner, Duration lease, Instant now, int limit) {
    return tx.run("claiming instances for " + owner, c -> {
      List<String> candidates = lockCandidates(c, now, limit);
      List<Instance> claimed = new ArrayList<>();
      for (String id : candidates) {
        if (takeLease(c, id, owner, now, now.plus(lease))) {
          InstanceRows.byColumn(c, "id", id, false).ifPresent(claimed::add);
        }
      }
      return claimed;
    });
  }

  @Override
  public boolean renew(String id, String owner, Duration lease, Instant now) {
    return tx.run("renewing the lease of " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE weft_instance SET lease_until = ? WHERE id = ? AND lease_owner = ?")) {
        ps.setLong(1, now.plus(lease).toEpochMilli());
        ps.setString(2, id);
        ps.setString(3, owner);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void release(String id, String owner) {
    tx.run("releasing instance " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_instance SET lease_owner = NULL,"
          + " lease_until = NULL WHERE id = ? AND lease_owner = ?")) {
        ps.setString(1, id);
        ps.setString(2, owner);
        return ps.executeUpdate();
      }
    });
  }

  private static List<String> lockCandidates(Connection c, Instant now, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM weft_instance WHERE " + CLAIMABLE
        + " ORDER BY updated_at, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
      ps.setLong(1, now.toEpochMilli());
      ps.setInt(2, limit);
      List<String> ids = new ArrayList<>();
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  /** Re-checks claimability on write, so a row another claimer leased meanwhile is left alone. */
  private static boolean takeLease(Connection c, String id, String owner, Instant now, Instant until)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE weft_instance SET lease_owner = ?, lease_until = ?"
        + " WHERE id = ? AND " + CLAIMABLE)) {
      ps.setString(1, owner);
      ps.setLong(2, until.toEpochMilli());
      ps.setString(3, id);
      ps.setLong(4, now.toEpochMilli());
      return ps.executeUpdate() == 1;
    }
  }
}
