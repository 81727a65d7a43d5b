package dev.weft.store.jdbc;

import dev.weft.store.ConflictException;
import dev.weft.store.ServiceRecord;
import dev.weft.store.ServiceStore;
import dev.weft.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ServiceStore} on table {@code weft_service}. A new version takes the next revision; two
 * writers racing for the same revision are told apart by the primary key, and the loser tries
 * the revision after (a few times).
 */
public final class JdbcServiceStore implements ServiceStore {
  private static final String COLUMNS = "name, version, revision, body, stored_at";
  private static final int TRIES = 5;
  private final JdbcTransactor tx;

  public JdbcServiceStore(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public ServiceRecord store(String name, String version, String body, Instant now) {
    for (int i = 0; i < TRIES; i++) {
      Optional<ServiceRecord> stored = tx.run("storing service " + name + " " + version, c -> {
        Optional<ServiceRecord> same = select(c, "name = ? AND version = ?", name, version).stream().findFirst();
        if (same.isPresent()) {
          return same;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_service (" + COLUMNS + ") SELECT ?, ?,"
            + " COALESCE(MAX(revision), 0) + 1, ?, ? FROM weft_service WHERE name = ? ON CONFLICT DO NOTHING")) {
          ps.setString(1, name);
          ps.setString(2, version);
          ps.setString(3, body);
          ps.setLong(4, now.toEpochMilli());
          ps.setString(5, name);
          ps.executeUpdate();
        }
        return select(c, "name = ? AND version = ?", name, version).stream().findFirst();
      });
      if (stored.isPresent()) {
        if (!stored.get().body().equals(body)) {
          throw new ConflictException("service " + name + " version " + version
              + " is already stored with another document; give the changed document a new version");
        }
        return stored.get();
      }
    }
    throw new StoreException("storing service " + name + " " + version + " lost the race for a revision "
        + TRIES + " times; try again");
  }

  @Override
  public Optional<ServiceRecord> find(String name, String version) {
    return tx.run("reading service " + name + " " + version,
        c -> select(c, "name = ? AND version = ?", name, version).stream().findFirst());
  }

  @Override
  public Optional<ServiceRecord> latest(String name) {
    List<ServiceRecord> all = versions(name);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
  }

  @Override
  public List<ServiceRecord> versions(String name) {
    return tx.run("listing versions of service " + name, c -> select(c, "name = ?", name));
  }

  @Override
  public List<String> names(String after, int limit) {
    return tx.run("listing service names", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT DISTINCT name FROM weft_service WHERE name > ? ORDER BY name LIMIT ?")) {
        ps.setString(1, after == null ? "" : after);
        ps.setInt(2, limit);
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
        return out;
      }
    });
  }

  private static List<ServiceRecord> select(Connection c, String where, String... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM weft_service WHERE " + where + " ORDER BY revision")) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      List<ServiceRecord> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ServiceRecord(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
              Instant.ofEpochMilli(rs.getLong(5))));
        }
      }
      return out;
    }
  }
}
