package dev.weft.bench.tasks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A fresh schema of its own on the benchmark's PostgreSQL, dropped on close. */
final class PostgresSchema implements AutoCloseable {
  private final String server;
  private final String name;

  private PostgresSchema(String server, String name) {
    this.server = server;
    this.name = name;
  }

  /**
   * Creates {@code bench_<engine>_<random>} on {@code server}.
   *
   * @throws IllegalStateException when PostgreSQL cannot be reached, with its message
   */
  static PostgresSchema create(String server, String engine) {
    String name = "bench_" + engine.replace('-', '_') + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    execute(server, "CREATE SCHEMA " + name);
    return new PostgresSchema(server, name);
  }

  /** Fails with a readable message unless {@code url} is a PostgreSQL JDBC URL that answers. */
  static void check(String url) {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("--db must be a PostgreSQL JDBC URL (jdbc:postgresql://...), got '" + url + "'");
    }
    execute(url, "SELECT 1");
  }

  String name() {
    return name;
  }

  /** The JDBC URL whose connections use this schema. */
  String url() {
    return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + name;
  }

  @Override
  public void close() {
    execute(server, "DROP SCHEMA " + name + " CASCADE");
  }

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
    }
  }
}
