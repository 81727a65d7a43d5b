package dev.weft.store.jdbc;

import dev.weft.store.ConflictException;
import dev.weft.store.Definition;
import dev.weft.store.DefinitionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link DefinitionStore} on table {@code weft_definition}. */
public final class JdbcDefinitionStore implements DefinitionStore {
  private static final String COLUMNS = "name, version, body, stored_at";
  private final JdbcTransactor tx;

  public JdbcDefinitionStore(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Definition store(String name, int version, String body, Instant now) {
    Definition wanted = new Definition(name, version, body, now);
    return tx.run("storing definition " + name + "/" + version, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO weft_definition (" + COLUMNS + ") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, name);
        ps.setInt(2, version);
        ps.setString(3, body);
        ps.setLong(4, now.toEpochMilli());
        ps.executeUpdate();
      }
      Definition stored = select(c, name, version).orElseThrow();
      if (!stored.body().equals(wanted.body())) {
        throw new ConflictException("definition " + name + " version " + version
            + " is already stored with a different body; store it as a new version");
      }
      return stored;
    });
  }

  @Override
  public Optional<Definition> find(String name, int version) {
    return tx.run("reading definition " + name + "/" + version, c -> select(c, name, version));
  }

  @Override
  public List<Integer> versions(String name) {
    return tx.run("listing versions of " + name, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT version FROM weft_definition WHERE name = ? ORDER BY version")) {
        ps.setString(1, name);
        List<Integer> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getInt(1));
          }
        }
        return out;
      }
    });
  }

  @Override
  public List<String> names(String after, int limit) {
    return tx.run("listing definition names", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT DISTINCT name FROM weft_definition WHERE name > ? ORDER BY name LIMIT ?")) {
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

  @Override
  public Optional<Definition> latest(String name) {
    List<Integer> versions = versions(name);
    return versions.isEmpty() ? Optional.empty() : find(name, versions.get(versions.size() - 1));
  }

  private static Optional<Definition> select(Connection c, String name, int version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM weft_definition WHERE name = ? AND version = ?")) {
      ps.setString(1, name);
      ps.setInt(2, version);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Definition(rs.getString(1), rs.getInt(2), rs.getString(3),
            Instant.ofEpochMilli(rs.getLong(4))));
      }
    }
  }
}
