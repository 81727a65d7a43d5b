package dev.weft.cli.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A fresh schema of its own on the test PostgreSQL ({@code -Dweft.test.postgres=URL}, default
 * 127.0.0.1:5432 database {@code test}), dropped on close. Skips the test with a message when
 * PostgreSQL is unreachable.
 */
final class PostgresSchema implements AutoCloseable {
  static final String SERVER = System.getProperty("weft.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  private final String name;

  private PostgresSchema(String name) {
    this.name = name;
  }

  /** Creates {@code <prefix><random>}; skips the calling test when PostgreSQL does not answer. */
  static PostgresSchema create(String prefix) {
    String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(SERVER)) {
      c.createStatement().execute("CREATE SCHEMA " + name);
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL at " + SERVER + " is unreachable, skipping: " + e.getMessage());
    }
    return new PostgresSchema(name);
  }

  /** The JDBC URL whose connections use this schema. */
  String url() {
    return SERVER + "&currentSchema=" + name;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER)) {
      c.createStatement().execute("DROP SCHEMA " + name + " CASCADE");
    }
  }
}
